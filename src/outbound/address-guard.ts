// The one door for every URL the gateway sends to (spec §7): destinations and notification
// channels when they are saved, and every hop of every send, redirects included (send.ts). http or
// https only, no credentials in the URL, and, unless the deployment allows it
// (ALLOW_PRIVATE_DESTINATIONS), no loopback or private address, so the gateway cannot be turned
// against the network it runs in. Link-local and cloud-metadata addresses are refused even then:
// no local setup delivers webhooks to them, and they are what an attacker is after.
//
// Hostnames are judged by name: Workers cannot resolve DNS before fetching, and Cloudflare's
// network does not route to private ranges in any case. Addresses are judged after the URL parser
// normalised them (2130706433 and 0x7f.1 arrive as 127.0.0.1, IPv6 in compressed hex), including
// the IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4).

import { badRequest } from "../http/problem";

export const PRIVATE_PROBLEM = "points to a loopback, private, link-local or metadata address";
export const METADATA_PROBLEM = "points to a link-local or cloud-metadata address, which is never allowed";

type AddressClass = "public" | "private" | "forbidden";

/** Throws a 400 naming `url` when the URL may not be used (destinations and notification channels). */
export function assertOutboundUrl(url: string, allowPrivate: boolean): void {
  const problem = outboundUrlProblem(url, allowPrivate);
  if (problem) throw badRequest([{ path: "url", message: problem }]);
}

/** Why the gateway may not send to this URL, or null when it may. */
export function outboundUrlProblem(raw: string | URL, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "not a valid absolute URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must use http or https";
  if (url.username || url.password) return "credentials in the URL are not allowed; use the destination's auth";
  const kind = addressClass(url.hostname);
  if (kind === "forbidden") return METADATA_PROBLEM;
  if (kind === "private" && !allowPrivate) return PRIVATE_PROBLEM;
  return null;
}

export function addressClass(hostname: string): AddressClass {
  // A fully qualified name may end in dots (`localhost.`): the same host.
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.+$/, "");
  if (host === "metadata" || host === "metadata.google.internal" || host === "metadata.goog") return "forbidden";
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local")) return "private";
  const v4 = parseIPv4(host);
  if (v4) return ipv4Class(v4);
  if (host.includes(":")) {
    const groups = parseIPv6(host);
    return groups ? ipv6Class(groups) : "private";
  }
  return "public";
}

function parseIPv4(host: string): number[] | null {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function ipv4Class([a, b, c]: number[]): AddressClass {
  if (a === 169 && b === 254) return "forbidden"; // link-local, including 169.254.169.254 metadata
  const isPrivate =
    a === 0 || a === 10 || a === 127 || a! >= 224 || // unspecified, private, loopback, multicast and reserved
    (a === 100 && b! >= 64 && b! <= 127) || // carrier-grade NAT
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && c === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)); // benchmarking
  return isPrivate ? "private" : "public";
}

/** Eight 16-bit groups, or null when the text is not an IPv6 address. */
function parseIPv6(host: string): number[] | null {
  let text = host;
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIPv4(dotted[2]!);
    if (!v4) return null;
    text = `${dotted[1]}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const split = (part: string) => (part === "" ? [] : part.split(":"));
  const head = split(halves[0]!);
  const tail = halves.length === 2 ? split(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

function ipv6Class(g: number[]): AddressClass {
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const embedded = (hi: number, lo: number) => ipv4Class([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  // ::a.b.c.d (compatible, and :: and ::1 with it), ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (SIIT).
  if (zero(0, 5) && (g[5] === 0 || g[5] === 0xffff)) return embedded(g[6]!, g[7]!);
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return embedded(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b) {
    // NAT64: 64:ff9b::/96 reaches the IPv4 address in its last 32 bits; 64:ff9b:1::/48 is local-use.
    return zero(2, 6) ? embedded(g[6]!, g[7]!) : "private";
  }
  if (g[0] === 0x2002) return embedded(g[1]!, g[2]!); // 6to4
  if (g[0] === 0xfd00 && g[1] === 0xec2 && zero(2, 7) && g[7] === 0x254) return "forbidden"; // AWS metadata
  if ((g[0]! & 0xffc0) === 0xfe80) return "forbidden"; // link-local
  const isPrivate =
    (g[0]! & 0xfe00) === 0xfc00 || // unique-local
    (g[0]! & 0xffc0) === 0xfec0 || // site-local (deprecated, still routed by some networks)
    (g[0]! & 0xff00) === 0xff00 || // multicast
    (g[0] === 0x2001 && g[1] === 0) || // Teredo: its IPv4 end is hidden
    (g[0] === 0x2001 && g[1] === 0xdb8) || // documentation
    (g[0] === 0x100 && zero(1, 4)); // discard
  return isPrivate ? "private" : "public";
}
