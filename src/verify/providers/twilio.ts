import { z } from "zod";
import { timingSafeEqual } from "../../http/constant-time";
import { concatBytes, fromBase64, toHex, utf8 } from "../../bytes";
import { listOf, nonEmpty, publicUrl, requireOneOf, SECRET, secretFields } from "../core/fields";
import { hmacMatches } from "../core/hmac";
import { malformedHeader, missingHeader, rejected, signatureMismatch, verified } from "../core/result";
import { defineVerifier } from "../core/verifier";

// Twilio ("Webhooks security"): `X-Twilio-Signature: <base64 HMAC-SHA1>` keyed with the auth token,
// over the full URL Twilio was given followed by each POST parameter's name and value, sorted by
// name. JSON bodies are not parameters: Twilio adds `bodySHA256` (hex SHA-256 of the body) to the
// URL instead, and the body is checked against it. As in Twilio's own validateRequest, the URL is
// tried with and without the scheme's default port, which Twilio may or may not have included.

const HEADER = "x-twilio-signature";

/** Names and values concatenated in name order; a repeated name's values deduplicated and sorted. */
function signedParams(body: Uint8Array): string {
  const params = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(new TextDecoder().decode(body))) {
    params.set(name, [...(params.get(name) ?? []), value]);
  }
  return [...params.keys()]
    .sort()
    .map((name) => [...new Set(params.get(name))].sort().map((value) => name + value).join(""))
    .join("");
}

function urlVariants(url: URL): string[] {
  const defaultPort = url.protocol === "https:" ? "443" : "80";
  const withPort = new URL(url.href);
  const withoutPort = new URL(url.href);
  withoutPort.port = "";
  // URL drops a default port from href, so it is spliced in by hand.
  const withDefault = withPort.port ? withPort.href : withPort.href.replace(withPort.host, `${withPort.hostname}:${defaultPort}`);
  return [...new Set([url.href, withoutPort.href, withDefault])];
}

export const twilio = defineVerifier({
  schema: z
    .object({ type: z.literal("twilio"), ...secretFields(nonEmpty), public_url: publicUrl })
    .superRefine(requireOneOf(SECRET)),
  async verify(config, input) {
    const header = input.headers.get(HEADER);
    if (header === null) return missingHeader(HEADER);
    const signature = fromBase64(header.trim());
    if (!signature) return malformedHeader(HEADER, "expected base64");

    const bodyHash = input.url.searchParams.get("bodySHA256");
    // Without bodySHA256 the body is always read as parameters, so it is covered by the signature.
    const params = bodyHash === null ? signedParams(input.body) : "";
    const secrets = listOf(config.secret, config.secrets);
    let signed = false;
    for (const url of urlVariants(input.url)) {
      if (!signed && (await hmacMatches("sha1", secrets, concatBytes(url, utf8(params)), [signature]))) signed = true;
    }
    if (!signed) return signatureMismatch;
    if (bodyHash === null) return verified;
    const actual = toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", input.body)));
    return (await timingSafeEqual(actual, bodyHash.toLowerCase())) ? verified : rejected("body does not match bodySHA256");
  },
});
