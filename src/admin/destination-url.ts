// Destination URLs (spec §7): http or https only, and, unless the deployment allows it
// (ALLOW_PRIVATE_DESTINATIONS), never loopback, private, link-local or cloud-metadata addresses,
// so the gateway cannot be turned against the network it runs in. Hostnames are judged by name:
// Workers cannot resolve DNS before fetching, and Cloudflare's network does not route to private
// ranges in any case.

import { badRequest } from "../http/problem";

/** Throws a 400 naming `url` when the URL may not be used (destinations and notification channels). */
export function assertDestinationUrl(url: string, allowPrivate: boolean): void {
  const problem = destinationUrlProblem(url, allowPrivate);
  if (problem) throw badRequest([{ path: "url", message: problem }]);
}

export function destinationUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "not a valid absolute URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must use http or https";
  if (url.username || url.password) return "credentials in the URL are not allowed; use the destination's auth";
  if (!allowPrivate && isPrivateHost(url.hostname)) return "points to a loopback, private, link-local or metadata address";
  return null;
}

export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local")) return true;
  const v4 = parseIPv4(host);
  if (v4) return isPrivateIPv4(v4);
  if (host.includes(":")) return isPrivateIPv6(host);
  return false;
}

function parseIPv4(host: string): number[] | null {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function isPrivateIPv4([a, b]: number[]): boolean {
  return (
    a === 0 || a === 10 || a === 127 ||
    (a === 100 && b! >= 64 && b! <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, including 169.254.169.254 metadata
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168)
  );
}

function isPrivateIPv6(host: string): boolean {
  if (host === "::1" || host === "::") return true;
  // IPv4-mapped addresses; the URL parser writes them in hex (::ffff:7f00:1 for 127.0.0.1).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const hi = parseInt(mapped[1]!, 16);
    const lo = parseInt(mapped[2]!, 16);
    return isPrivateIPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  }
  const first = parseInt(host.split(":")[0] || "0", 16);
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80; // unique-local, link-local
}
