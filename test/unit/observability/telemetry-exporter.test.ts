import { afterEach, describe, expect, inject, it } from "vitest";
import { bindTelemetry, flushTelemetry, MAX_BUFFERED, parseHeaders, recordLifecycle, telemetryBacklog } from "../../../src/observability/telemetry/exporter";
import { spansFromLog } from "../../../src/observability/telemetry/spans-from-log";
import { spanIdOf, traceIdOf } from "../../../src/observability/telemetry/span-ids";

// The span exporter's limits: off without an endpoint, a bounded buffer, and spans made only from
// lifecycle lines. Export itself is tested end to end (test/e2e/telemetry.e2e.test.ts).

const finished = (n: number) => ({
  event_id: "evt_01m8xqadm327tryxtbvgastx45", attempt_id: `att_01m8xqaemc9s0ywjdknxjqn${String(n).padStart(3, "0")}`,
  request_id: "req_01m8xqacmevzw595heqfqxz8m8", source_id: "src_1", connection_id: "con_1", destination_id: "des_1",
  number: 1, trigger: "initial", status_code: 200, error: null, duration_ms: 40, event_status: "successful",
});
// A waitUntil that never runs what it is given: spans stay buffered.
const idle = { waitUntil() {} };

afterEach(async () => {
  bindTelemetry({}, idle);
  await flushTelemetry();
});

describe("span export", () => {
  it("records nothing unless OTEL_EXPORTER_OTLP_ENDPOINT is set", () => {
    bindTelemetry({}, idle);
    recordLifecycle("attempt.finished", finished(1));
    expect(telemetryBacklog()).toEqual({ buffered: 0, dropped: 0 });
  });

  it(`buffers at most ${MAX_BUFFERED} spans, dropping and counting the rest`, async () => {
    const key = `otel-${crypto.randomUUID().slice(0, 8)}`;
    bindTelemetry({ OTEL_EXPORTER_OTLP_ENDPOINT: `${inject("receiverUrl")}/ok/${key}` }, idle);
    for (let i = 0; i < MAX_BUFFERED + 25; i++) recordLifecycle("attempt.finished", finished(i));
    recordLifecycle("sweep.reenqueued", { requests: 1 });
    expect(telemetryBacklog()).toEqual({ buffered: MAX_BUFFERED, dropped: 25 });
    await flushTelemetry();
    expect(telemetryBacklog()).toEqual({ buffered: 0, dropped: 0 });
    // Batches of 500 spans: four exports.
    const exports = (await (await fetch(`${inject("receiverUrl")}/records/${key}`)).json()) as { path: string; headers: Record<string, string> }[];
    expect(exports.map((e) => [e.path, e.headers["content-type"]])).toEqual(Array(4).fill([`/ok/${key}/v1/traces`, "application/json"]));
  });

  it("reads OTEL_EXPORTER_OTLP_HEADERS as comma-separated, URL-encoded key=value pairs", () => {
    expect(parseHeaders("authorization=Basic%20dXNlcjpwYXNz, x-tenant = a=b,broken")).toEqual({ authorization: "Basic dXNlcjpwYXNz", "x-tenant": "a=b" });
    expect(parseHeaders(undefined)).toEqual({});
  });

  it("puts every span of a request in the trace named by the request id, under its ingest span", () => {
    const [attempt] = spansFromLog("attempt.finished", finished(7), 1_000_000);
    const [ingest, verify] = spansFromLog("request.accepted", { request_id: finished(0).request_id, source_id: "src_1", verification: "stripe", verified: true, duration_ms: 12, verify_ms: 3 }, 1_000_000);
    expect(ingest).toMatchObject({ name: "ingest", traceId: traceIdOf(finished(0).request_id), spanId: spanIdOf(finished(0).request_id), startMs: 999_988, endMs: 1_000_000 });
    expect(ingest!.parentSpanId).toBeUndefined();
    expect(verify).toMatchObject({ name: "verify", traceId: ingest!.traceId, parentSpanId: ingest!.spanId, startMs: 999_988, endMs: 999_991 });
    expect(attempt).toMatchObject({ name: "attempt", traceId: ingest!.traceId, parentSpanId: ingest!.spanId, startMs: 999_960, error: false,
      attributes: { "gateway.event.id": finished(0).event_id, "gateway.connection.id": "con_1", "http.response.status_code": 200 } });
    expect(traceIdOf("req_01m8xqacmevzw595heqfqxz8m8")).not.toBe(traceIdOf("req_01m8xqacmevzw595heqfqxz8m9"));
    expect(spansFromLog("issue.opened", { issue_id: "iss_1" }, 0)).toEqual([]);
  });
});
