import { verificationSchema, verifyRequest } from "../../../src/verify";

// Requests for the oracle tests: each official SDK signs (or judges) a request, ours verifies it.

export const INGEST_URL = "https://hooks.example.com/e/src_01ORACLE";

export interface Request {
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  now?: number;
}

export const verify = (config: unknown, request: Request) =>
  verifyRequest(verificationSchema.parse(config), {
    method: request.method ?? "POST",
    url: new URL(request.url ?? INGEST_URL),
    headers: new Headers(request.headers ?? {}),
    body: typeof request.body === "string" || request.body === undefined ? new TextEncoder().encode(request.body ?? "") : request.body,
    now: request.now ?? Date.now(),
  });

export const VERIFIED = { ok: true, verified: true };
export const MISMATCH = { ok: false, reason: "signature mismatch" };

export const payload = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id: "evt_oracle", object: "event", data: { amount: 4200, currency: "eur", note: "çà va ✓" }, ...extra });
