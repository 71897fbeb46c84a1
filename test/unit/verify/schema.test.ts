import { describe, expect, it } from "vitest";
import { verificationSchema, verifyRequest, type Verification } from "../../../src/verify";
import { input } from "./support";

// The admin API turns zod issues into 400s naming the field (`verification.secret`), so every
// wrong or missing field must produce an issue at its own path.

const issues = (config: unknown) => {
  const result = verificationSchema.safeParse(config);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
};

describe("verificationSchema", () => {
  it.each([
    [{ type: "stripe" }, "secret", /give secret or secrets/],
    [{ type: "github", secret: "" }, "secret", /too small|>=1/i],
    [{ type: "github", secret: 42 }, "secret", /expected string/],
    [{ type: "slack", secrets: [] }, "secrets", /too small|>=1/i],
    [{ type: "slack", secrets: ["ok", ""] }, "secrets.1", /too small|>=1/i],
    [{ type: "shopify", secret: "a", secrets: ["b"] }, "secrets", /either secret or secrets/],
    [{ type: "stripe", secret: "whsec_x", tolerance_s: 0 }, "tolerance_s", /too small|>=1/i],
    [{ type: "stripe", secret: "whsec_x", tolerance_s: "300" }, "tolerance_s", /expected number/],
    [{ type: "meta", secret: "x" }, "verify_token", /expected string/],
    [{ type: "twilio", secret: "x", public_url: "ftp://example.com/hook" }, "public_url", /url/i],
    [{ type: "square", secret: "x", public_url: "not a url" }, "public_url", /url/i],
    [{ type: "standard_webhooks" }, "secret", /give secret or secrets or public_key or public_keys/],
    [{ type: "standard_webhooks", secret: "whsec_***" }, "secret", /whsec_ followed by base64/],
    [{ type: "svix", public_keys: ["whpk_AAAA"] }, "public_keys.0", /32-byte Ed25519/],
    [{ type: "sendgrid", public_key: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE" }, "public_key", /P-256 public key/],
    [{ type: "sendgrid" }, "public_key", /give public_key or public_keys/],
    [{ type: "basic", username: "u" }, "password", /expected string/],
    [{ type: "bearer" }, "token", /expected string/],
    [{ type: "api_key", key: "k" }, "header", /exactly one of header or query/],
    [{ type: "api_key", key: "k", header: "x-key", query: "key" }, "header", /exactly one of header or query/],
    [{ type: "api_key", key: "k", header: "bad header" }, "header", /header name/],
    [{ type: "hmac", secret: "s" }, "header", /expected string/],
    [{ type: "hmac", secret: "s", header: "x-sig", algorithm: "md5" }, "algorithm", /sha1|sha256|sha512/],
    [{ type: "hmac", secret: "s", header: "x-sig", encoding: "base32" }, "encoding", /hex|base64/],
    [{ type: "hmac", secret: "s", header: "x-sig", template: "{ts}.{body}" }, "template", /unknown placeholder \{ts\}/],
    [{ type: "hmac", secret: "s", header: "x-sig", template: "{timestamp}" , timestamp_header: "x-ts" }, "template", /must include \{body\}/],
    [{ type: "hmac", secret: "s", header: "x-sig", template: "{timestamp}.{body}" }, "timestamp_header", /required/],
    [{ type: "hmac", secret: "s", header: "x-sig", timestamp_header: "x-ts" }, "template", /must include \{timestamp\}/],
    [{ type: "msgraph", client_state: "" }, "client_state", /too small|>=1/i],
    [{ type: "stripe-ish", secret: "x" }, "type", /discriminator/i],
    [{ secret: "x" }, "type", /discriminator/i],
  ])("%j → issue at %s", (config, path, message) => {
    const found = issues(config);
    expect(found.map((issue) => issue.path)).toContain(path);
    expect(found.find((issue) => issue.path === path)?.message).toMatch(message);
  });

  it("fills defaults: tolerance 300 s, hmac sha256/hex over {body}", () => {
    expect(verificationSchema.parse({ type: "stripe", secret: "whsec_x" })).toEqual({ type: "stripe", secret: "whsec_x", tolerance_s: 300 });
    expect(verificationSchema.parse({ type: "hmac", secret: "s", header: "x-sig" })).toMatchObject({
      algorithm: "sha256",
      encoding: "hex",
      template: "{body}",
      timestamp_unit: "s",
    });
  });

  it("accepts every documented type", () => {
    const types = verificationSchema.options.map((option) => option.shape.type.value).sort();
    expect(types).toEqual(
      [
        "api_key", "basic", "bearer", "bitbucket", "calendly", "github", "gitlab", "hmac", "hubspot", "intercom", "linear", "mailgun",
        "meta", "msgraph", "none", "paddle", "postmark", "sendgrid", "shopify", "slack", "square", "standard_webhooks", "stripe", "svix",
        "twilio", "twitter", "typeform", "zoom",
      ].sort(),
    );
  });
});

describe("verifyRequest with a stored config that no longer parses", () => {
  it("rejects with the failing field instead of throwing", async () => {
    const stored = { type: "github" } as unknown as Verification;
    expect(await verifyRequest(stored, input())).toEqual({
      ok: false,
      reason: "invalid verification config at verification.secret: required: give secret or secrets",
    });
  });
});
