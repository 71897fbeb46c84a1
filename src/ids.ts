// Prefixed IDs that sort by creation time (spec §2): prefix, 10 characters of Crockford base32 time
// (milliseconds, good until the year 10889), then 16 random characters. Because the time comes
// first, ordering by id is ordering by creation, which keyset pagination and time filters rely on.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

export const ID_PREFIXES = {
  source: "src",
  destination: "des",
  connection: "con",
  request: "req",
  event: "evt",
  attempt: "att",
  issue: "iss",
  replay: "rpl",
  transformation: "trs",
  channel: "nch",
  apiKey: "key",
  audit: "aud",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

function encodeTime(ms: number): string {
  let out = "";
  let t = Math.floor(ms);
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
  return out;
}

export function newId(kind: IdKind, now: number = Date.now()): string {
  const random = crypto.getRandomValues(new Uint8Array(16));
  let tail = "";
  for (const byte of random) tail += ALPHABET[byte % 32];
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${tail}`;
}

/**
 * The smallest id of this kind that could have been created at or after `ms`: compare ids against
 * it to filter by creation time through the primary key's index.
 */
export function idFloor(kind: IdKind, ms: number): string {
  return `${ID_PREFIXES[kind]}_${encodeTime(ms)}`;
}
