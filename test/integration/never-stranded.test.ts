import { describe, expect, it } from "vitest";
import { deliverMsg } from "../../src/queue/messages";
import { admin, created, pipeline, receiverRecords, uniqueKey, waitFor } from "./gateway";
import { runQueueBatch } from "./queue-batch";
import { seedEvents } from "./recovery-seed";

// Every event ends successful, failed or cancelled (spec §6): one whose connection or destination
// is gone is cancelled, never skipped for ever; a cancel is never undone by an attempt that was in
// flight; and a fifo line moves on when its head is paused or can never be delivered.

const statusOf = async (eventId: string) => (await admin("GET", `/v1/events/${eventId}`)).json.status;
const old = () => Date.now() - 10 * 60_000;

describe("events that could never finish", () => {
  it("deleting a destination a connection was re-pointed away from cancels the events left on it", async () => {
    const p = await pipeline("repointed", `/ok/${uniqueKey("repointed")}`);
    const { eventIds: [paused] } = await seedEvents(p, 1, { status: "paused" });
    const { eventIds: [scheduled] } = await seedEvents(p, 1, { status: "scheduled" });
    const other = await created("/v1/destinations", { name: uniqueKey("repointed-to"), url: `${p.destination.url}-2` });
    expect((await admin("PATCH", `/v1/connections/${p.connection.id}`, { destination_id: other.id })).status).toBe(200);
    expect((await admin("DELETE", `/v1/destinations/${p.destination.id}`)).status).toBe(204);
    expect([await statusOf(paused!), await statusOf(scheduled!)]).toEqual(["cancelled", "cancelled"]);
  });

  it("an event routed after its connection was deleted is cancelled when delivery finds the connection gone", async () => {
    const key = uniqueKey("late-route");
    const p = await pipeline("late-route", `/ok/${key}`);
    expect((await admin("DELETE", `/v1/connections/${p.connection.id}`)).status).toBe(204);
    // What a routing run that read the connection before its deletion writes after it.
    const { eventIds: [eventId] } = await seedEvents(p, 1, { status: "scheduled" });
    await runQueueBatch([deliverMsg(eventId!, p.destination.id, "initial")]);
    expect(await statusOf(eventId!)).toBe("cancelled");
    expect(await receiverRecords(key)).toHaveLength(0);
  });

  it("an attempt in flight when its connection is deleted is recorded, and the event stays cancelled", async () => {
    const key = uniqueKey("inflight-cancel");
    const p = await pipeline("inflight-cancel", `/slow/1500/${key}`);
    const { eventIds: [eventId] } = await seedEvents(p, 1, { status: "scheduled" });
    const delivery = runQueueBatch([deliverMsg(eventId!, p.destination.id, "initial")]);
    await waitFor("in flight", async () => (await receiverRecords(key)).length === 1);
    expect((await admin("DELETE", `/v1/connections/${p.connection.id}`)).status).toBe(204);
    await delivery;
    expect((await admin("GET", `/v1/events/${eventId}`)).json).toMatchObject({ status: "cancelled", attempts_count: 2 });
    expect((await admin("GET", `/v1/events/${eventId}/attempts`)).json.data).toEqual([expect.objectContaining({ status_code: 200 })]);
  });

  it("a fifo head whose connection is gone is cancelled and hands the turn to the next event", async () => {
    const key = uniqueKey("fifo-orphan");
    const p = await pipeline("fifo-orphan", `/ok/${key}`, [], { delivery_order: "fifo" });
    const { eventIds: [head] } = await seedEvents({ ...p, connection: { id: "con_deleted" } }, 1, { status: "scheduled", at: old() });
    const { eventIds: [next] } = await seedEvents(p, 1, { status: "scheduled" });
    await runQueueBatch([deliverMsg(next!, p.destination.id, "initial")]);
    expect(await statusOf(next!)).toBe("scheduled");
    await runQueueBatch([deliverMsg(head!, p.destination.id, "initial")]);
    expect(await statusOf(head!)).toBe("cancelled");
    await waitFor("next delivered", async () => (await statusOf(next!)) === "successful", 8_000);
  });

  it("a fifo head paused with its connection hands the turn to the next event of another connection", async () => {
    const key = uniqueKey("fifo-paused");
    const p = await pipeline("fifo-paused", `/ok/${key}`, [], { delivery_order: "fifo" });
    const source = await created("/v1/sources", { name: uniqueKey("fifo-paused-2") });
    const second = await created("/v1/connections", { name: uniqueKey("fifo-paused-2"), source_id: source.id, destination_id: p.destination.id });
    expect((await admin("POST", `/v1/connections/${p.connection.id}/pause`)).status).toBe(200);
    const { eventIds: [head] } = await seedEvents(p, 1, { status: "scheduled", at: old() });
    const { eventIds: [next] } = await seedEvents({ ...p, source, connection: second }, 1, { status: "scheduled" });
    await runQueueBatch([deliverMsg(next!, p.destination.id, "initial")]);
    await runQueueBatch([deliverMsg(head!, p.destination.id, "initial")]);
    expect(await statusOf(head!)).toBe("paused");
    await waitFor("next delivered", async () => (await statusOf(next!)) === "successful", 8_000);
  });
});
