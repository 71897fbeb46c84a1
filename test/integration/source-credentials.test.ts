import { describe, expect, it } from "vitest";
import { admin, created, eventsOf, ingest, receiverRecords, receiverUrl, uniqueKey, waitFor } from "./gateway";

// A source's own credential is for the gateway alone: it is not stored, not forwarded and never
// shown (src/verify/source-credential.ts); credentials in attempt URLs are masked.

async function sourceTo(label: string, verification: unknown, destinationUrl: string) {
  const name = uniqueKey(label);
  const source = await created("/v1/sources", { name, verification });
  const destination = await created("/v1/destinations", { name, url: destinationUrl });
  await created("/v1/connections", { name, source_id: source.id, destination_id: destination.id });
  return source;
}

const delivered = (key: string) => waitFor(`delivery to ${key}`, async () => (await receiverRecords(key))[0]);

describe("source credentials", () => {
  it("a bearer token verifies the request and is neither stored nor forwarded", async () => {
    const key = uniqueKey("src-bearer");
    const source = await sourceTo("src-bearer", { type: "bearer", token: "source-token-abcdef" }, `${receiverUrl()}/ok/${key}`);
    const res = await ingest(source.id, { body: "{}", headers: { authorization: "Bearer source-token-abcdef", "x-kept": "yes" } });
    expect(res.status).toBe(200);
    const { request_id } = (await res.json()) as { request_id: string };
    const arrived = await delivered(key);
    expect(arrived.headers.authorization).toBeUndefined();
    expect(arrived.headers["x-kept"]).toBe("yes");
    const stored = await admin("GET", `/v1/requests/${request_id}`);
    expect(stored.json.verified).toBe(true);
    expect(stored.json.headers.authorization).toBeUndefined();
    expect(JSON.stringify(stored.json)).not.toContain("source-token-abcdef");
  });

  it("basic credentials are dropped the same way", async () => {
    const key = uniqueKey("src-basic");
    const source = await sourceTo("src-basic", { type: "basic", username: "hooks", password: "pa55word-xyz" }, `${receiverUrl()}/ok/${key}`);
    const res = await ingest(source.id, { body: "{}", headers: { authorization: `Basic ${btoa("hooks:pa55word-xyz")}` } });
    expect(res.status).toBe(200);
    expect((await delivered(key)).headers.authorization).toBeUndefined();
  });

  it("an api_key header is dropped, other headers kept", async () => {
    const key = uniqueKey("src-apikey-header");
    const source = await sourceTo("src-apikey-h", { type: "api_key", key: "header-key-123456", header: "X-Hook-Key" }, `${receiverUrl()}/ok/${key}`);
    const res = await ingest(source.id, { body: "{}", headers: { "x-hook-key": "header-key-123456", "x-other": "1" } });
    expect(res.status).toBe(200);
    const arrived = await delivered(key);
    expect(arrived.headers["x-hook-key"]).toBeUndefined();
    expect(arrived.headers["x-other"]).toBe("1");
  });

  it("an api_key query parameter is dropped from the stored and forwarded query, the rest kept as written", async () => {
    const key = uniqueKey("src-apikey-query");
    const source = await sourceTo("src-apikey-q", { type: "api_key", key: "query-key-123456", query: "key" }, `${receiverUrl()}/ok/${key}`);
    const res = await ingest(source.id, { path: "?a=1&key=query-key-123456&b=x%20y", body: "{}" });
    expect(res.status).toBe(200);
    const { request_id } = (await res.json()) as { request_id: string };
    // The destination URL is rebuilt with URLSearchParams, which writes a space as +.
    expect((await delivered(key)).query).toBe("a=1&b=x+y");
    expect((await admin("GET", `/v1/requests/${request_id}`)).json.query).toBe("a=1&b=x%20y");
    const [event] = await waitFor("successful", async () => ((await eventsOf(request_id))[0]?.status === "successful" ? eventsOf(request_id) : undefined));
    const [attempt] = (await admin("GET", `/v1/events/${event.id}/attempts`)).json.data;
    expect(attempt.url).not.toContain("query-key-123456");
  });

  it("a credential in a destination URL's query is masked in the attempts the API lists", async () => {
    const key = uniqueKey("attempt-mask");
    const source = await sourceTo("attempt-mask", null, `${receiverUrl()}/ok/${key}?access_token=dest-url-secret-9876`);
    const res = await ingest(source.id, { body: "{}" });
    const { request_id } = (await res.json()) as { request_id: string };
    await delivered(key);
    const event = await waitFor("successful", async () => (await eventsOf(request_id)).find((e) => e.status === "successful"));
    const [attempt] = (await admin("GET", `/v1/events/${event.id}/attempts`)).json.data;
    expect(attempt.url).toMatch(/access_token=••••9876$/);
  });
});
