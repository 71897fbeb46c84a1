// The shapes every verifier shares. index.ts re-exports them as the module's contract with ingest.

export interface VerifyInput {
  method: string;
  /** The URL the provider was given (the source's `public_url` when set), with its query. */
  url: URL;
  headers: Headers;
  /** The raw body bytes exactly as received: signatures are computed over these, never re-serialized JSON. */
  body: Uint8Array;
  /** Milliseconds since the epoch, for timestamp tolerance. */
  now: number;
}

/** `reason` goes to the operator's log and the stored request, never to the sender, and never holds a secret. */
export type VerifyResult = { ok: true; verified: boolean } | { ok: false; reason: string };
