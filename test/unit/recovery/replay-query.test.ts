import { describe, expect, it } from "vitest";
import { idFloor } from "../../../src/ids";
import { eventReplayQuery, jobKey, normalizeSelection, requestReplayQuery, type ReplaySelection } from "../../../src/replay/query";
import { boundsAt } from "../../../src/replay/selection";

describe("replay job keys", () => {
  const base: ReplaySelection = { kind: "events", query: { status: "failed", destination_id: "des_a", created_after: "2026-11-01T00:00:00Z" } };

  it.each<[string, ReplaySelection]>([
    ["keys in another order", { kind: "events", query: { created_after: "2026-11-01T00:00:00Z", destination_id: "des_a", status: "failed" } }],
    ["the same instant in another offset", { kind: "events", query: { status: "failed", destination_id: "des_a", created_after: "2026-11-01T01:00:00.000+01:00" } }],
    ["an undefined filter", { kind: "events", query: { status: "failed", destination_id: "des_a", created_after: "2026-11-01T00:00:00Z", source_id: undefined } }],
  ])("is the same for %s", async (_, other) => {
    expect(await jobKey(other)).toBe(await jobKey(base));
  });

  it.each<[string, ReplaySelection]>([
    ["another filter value", { kind: "events", query: { ...base.query, status: "cancelled" } }],
    ["an extra filter", { kind: "events", query: { ...base.query, connection_id: "con_a" } }],
    ["another kind", { kind: "requests", query: { created_after: "2026-11-01T00:00:00Z" } }],
  ])("differs for %s", async (_, other) => {
    expect(await jobKey(other)).not.toBe(await jobKey(base));
  });

  it("names the kind, so events and requests never share an object", async () => {
    expect(await jobKey(base)).toMatch(/^events:[0-9a-f]{64}$/);
  });

  it("normalizes instants to UTC with milliseconds and drops undefined filters", () => {
    expect(normalizeSelection({ kind: "requests", query: { verified: true, created_before: "2026-11-01T02:00:00+02:00", source_id: undefined } }))
      .toEqual({ kind: "requests", query: { created_before: "2026-11-01T00:00:00.000Z", verified: true } });
  });
});

describe("replay query schemas", () => {
  it("refuse unknown filters instead of dropping them", () => {
    expect(eventReplayQuery.safeParse({ stauts: "failed" }).success).toBe(false);
    expect(requestReplayQuery.safeParse({ status: "failed" }).success).toBe(false);
    expect(eventReplayQuery.safeParse({ status: "failed", destination_id: "des_x" }).success).toBe(true);
  });
});

describe("replay bounds", () => {
  const now = Date.parse("2026-11-23T12:00:00Z");

  it("end at the job's start, so that later events are not swept up", () => {
    expect(boundsAt({ kind: "events", query: { status: "failed" } }, now)).toEqual({ lower: null, upper: idFloor("event", now + 1) });
  });

  it("follow the time window, never past the start", () => {
    const window = { created_after: "2026-11-20T00:00:00.000Z", created_before: "2026-11-21T00:00:00.000Z" };
    expect(boundsAt({ kind: "requests", query: window }, now)).toEqual({
      lower: idFloor("request", Date.parse(window.created_after)), upper: idFloor("request", Date.parse(window.created_before)),
    });
    expect(boundsAt({ kind: "events", query: { created_before: "2027-01-01T00:00:00.000Z" } }, now).upper).toBe(idFloor("event", now + 1));
  });
});
