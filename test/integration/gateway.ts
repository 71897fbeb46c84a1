import { env, SELF } from "cloudflare:test";
import { inject } from "vitest";
export { waitFor } from "../support/wait-for";

// Helpers for integration tests: admin calls through the Worker's own fetch handler, fixtures, and
// a poll that waits for the real queue consumer to finish its work.

export const ORIGIN = "http://gateway.test";
export const receiverUrl = () => inject("receiverUrl");
export const uniqueKey = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}`;

export async function admin(method: string, path: string, body?: unknown, token = env.ADMIN_TOKEN) {
  const res = await SELF.fetch(`${ORIGIN}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : null) as any };
}

export async function created(path: string, body: unknown) {
  const res = await admin("POST", path, body);
  if (res.status !== 201) throw new Error(`POST ${path} → ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

/** A source → destination connection whose destination is the test receiver at `sinkPath`. */
export async function pipeline(label: string, sinkPath: string, rules: unknown[] = [], destination: Record<string, unknown> = {}) {
  const name = uniqueKey(label);
  const source = await created("/v1/sources", { name });
  const dest = await created("/v1/destinations", { name, url: `${receiverUrl()}${sinkPath}`, ...destination });
  const connection = await created("/v1/connections", { name, source_id: source.id, destination_id: dest.id, rules });
  return { source, destination: dest, connection };
}

export function ingest(sourceId: string, init: RequestInit & { path?: string } = {}) {
  const { path = "", ...rest } = init;
  return SELF.fetch(`${ORIGIN}/e/${sourceId}${path}`, { method: "POST", ...rest });
}

export async function receiverRecords(key: string): Promise<any[]> {
  const res = await fetch(`${receiverUrl()}/records/${key}`);
  return res.json();
}


export async function eventsOf(requestId: string) {
  const { results } = await env.DB.prepare("SELECT * FROM events WHERE request_id = ? ORDER BY id").bind(requestId).all<any>();
  return results;
}
