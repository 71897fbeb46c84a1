import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver, type Receiver } from "../support/receiver";
import { startGateway, type Gateway } from "./wrangler-dev";
import { waitFor } from "../support/wait-for";

// OpenTelemetry export under wrangler dev (docs/observability.md § OpenTelemetry): the gateway sends
// its lifecycle spans over OTLP/HTTP JSON to a collector on 127.0.0.1, which decodes each export and
// keeps its spans, so that the test counts them and reads their attributes and parent links.

interface OtlpSpan {
  traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number;
  startTimeUnixNano: string; endTimeUnixNano: string; status: { code: number };
  attributes: { key: string; value: { stringValue?: string; intValue?: string; boolValue?: boolean } }[];
}
const attr = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue !== undefined ? Number(value.intValue) : value?.boolValue);
};

/** A collector: POST /v1/traces, OTLP JSON. */
async function startCollector() {
  const spans: OtlpSpan[] = [];
  const exports: { authorization?: string; scope?: string; spans: number }[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/traces" || req.headers["content-type"] !== "application/json") {
        res.writeHead(404).end();
        return;
      }
      const payload = JSON.parse(body) as { resourceSpans: { resource: { attributes: unknown[] }; scopeSpans: { spans: OtlpSpan[] }[] }[] };
      const received = payload.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
      spans.push(...received);
      exports.push({ authorization: req.headers.authorization, scope: req.headers["x-scope"] as string, spans: received.length });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, exports, close: () => new Promise((r) => server.close(r)) };
}

let collector: Awaited<ReturnType<typeof startCollector>>;
let gateway: Gateway;
let receiver: Receiver;

beforeAll(async () => {
  collector = await startCollector();
  [gateway, receiver] = await Promise.all([
    startGateway({ vars: { OTEL_EXPORTER_OTLP_ENDPOINT: `${collector.url}/`, OTEL_EXPORTER_OTLP_HEADERS: "authorization=Bearer%20otel-secret,x-scope=gateway" } }),
    startReceiver(),
  ]);
});
afterAll(async () => {
  await Promise.all([gateway?.stop(), receiver?.close(), collector?.close()]);
});

describe("OpenTelemetry export", () => {
  it("sends ingest, verify, route and attempt spans of each request as one trace, with the ids as attributes", async () => {
    const source = (await gateway.admin("POST", "/v1/sources", { name: "otel", verification: { type: "bearer", token: "sender-token" } })).json;
    const destination = (await gateway.admin("POST", "/v1/destinations", { name: "otel", url: `${receiver.url}/seq/500,200/otel` })).json;
    const connection = (await gateway.admin("POST", "/v1/connections", {
      name: "otel", source_id: source.id, destination_id: destination.id, rules: [{ type: "retry", strategy: "linear", count: 3, interval_ms: 1000 }],
    })).json;
    const send = (token: string) => fetch(`${gateway.url}/e/${source.id}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}" });
    const accepted = (await (await send("sender-token")).json()) as { request_id: string };
    expect((await send("wrong-token")).status).toBe(401);

    // The first attempt answers 500, the retry 200.
    const attempts = await waitFor("two attempt spans", async () => {
      const found = collector.spans.filter((s) => s.name === "attempt");
      return found.length >= 2 ? found : undefined;
    }, 45_000);
    const named = (name: string) => collector.spans.filter((s) => s.name === name);
    expect(named("ingest")).toHaveLength(2);
    expect(named("verify")).toHaveLength(2);
    expect(named("route")).toHaveLength(1);
    expect(attempts).toHaveLength(2);

    const ingest = named("ingest").find((s) => attr(s, "gateway.request.id") === accepted.request_id)!;
    expect(ingest).toMatchObject({ kind: 2, status: { code: 0 } });
    expect(ingest.parentSpanId ?? "").toBe("");
    expect(ingest.traceId).toMatch(/^[0-9a-f]{32}$/);
    const rejected = named("ingest").find((s) => s !== ingest)!;
    expect(rejected.status.code).toBe(2);
    expect(attr(rejected, "gateway.rejection")).toBe("verification_failed");
    const verifies = named("verify");
    expect(verifies.filter((s) => s.traceId === ingest.traceId).map((s) => [attr(s, "gateway.verified"), s.status.code, s.parentSpanId])).toEqual([[true, 0, ingest.spanId]]);
    expect(verifies.filter((s) => s.traceId === rejected.traceId).map((s) => [s.status.code, s.parentSpanId])).toEqual([[2, rejected.spanId]]);

    const event = (await gateway.admin("GET", `/v1/events?connection_id=${connection.id}`)).json.data[0];
    for (const span of [...named("route"), ...attempts]) {
      expect(span.traceId).toBe(ingest.traceId);
      expect(span.parentSpanId).toBe(ingest.spanId);
    }
    expect(attempts.map((s) => [attr(s, "http.response.status_code"), s.status.code, s.kind])).toEqual([[500, 2, 3], [200, 0, 3]]);
    for (const span of attempts) {
      expect(attr(span, "gateway.event.id")).toBe(event.id);
      expect(attr(span, "gateway.source.id")).toBe(source.id);
      expect(attr(span, "gateway.connection.id")).toBe(connection.id);
      expect(attr(span, "gateway.destination.id")).toBe(destination.id);
      expect(BigInt(span.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(span.startTimeUnixNano));
    }
    // The headers configured as a secret reach the collector, on every export.
    expect(collector.exports.length).toBeGreaterThan(0);
    for (const e of collector.exports) expect(e).toMatchObject({ authorization: "Bearer otel-secret", scope: "gateway" });
    expect(collector.exports.reduce((n, e) => n + e.spans, 0)).toBe(collector.spans.length);
  });
});
