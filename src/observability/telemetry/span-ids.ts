// OpenTelemetry ids made from the gateway's own ids, so that every span of one request's lifecycle
// (its ingest, its routing, each attempt of each of its events, in whichever invocation) lands in
// one trace without carrying context between invocations: the trace id is the request id's 128
// trailing bits (of 130: the two left out are the top of its timestamp, zero for millennia), and a
// span named after an object (the ingest after its request, an attempt after its attempt id) takes
// that id's 64 trailing bits, which are random. Other spans get random ids.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

function bits(id: string): string {
  const body = id.slice(id.indexOf("_") + 1);
  let out = "";
  for (const char of body) out += Math.max(0, ALPHABET.indexOf(char)).toString(2).padStart(5, "0");
  return out;
}

const hex = (binary: string) => binary.match(/.{4}/g)!.map((nibble) => parseInt(nibble, 2).toString(16)).join("");

export const traceIdOf = (requestId: string) => hex(bits(requestId).slice(-128).padStart(128, "0"));
export const spanIdOf = (id: string) => hex(bits(id).slice(-64).padStart(64, "0"));

export function randomSpanId(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, "0")).join("");
}
