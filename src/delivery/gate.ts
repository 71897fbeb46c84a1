import { eq } from "drizzle-orm";
import { events } from "../db/schema";
import { cancelOrphans, pauseEvent } from "../events/control";
import { log } from "../log";
import { isRequested, type DeliverMessage } from "../queue/messages";
import type { DeliveryDeps, DeliveryOutcome } from "./deliver-event";
import { handTurnOn, waitsForEarlierEvent } from "./fifo";
import type { Deliverable, LoadedDelivery } from "./load-event";

// The gate before an attempt: whether this message may deliver its event now. Nothing is claimed
// here; the claim comes once the invocation's outbound connection is taken.

// A message that arrives this much before its event is due is a stale duplicate (the sweeper's or
// an earlier schedule's) and is dropped: the event's own message, or the sweeper, will come.
const EARLY_TOLERANCE_MS = 3_000;

type Skipped = Extract<DeliveryOutcome, { kind: "skipped" }>;

export async function gate(deps: DeliveryDeps, message: DeliverMessage, loaded: LoadedDelivery | undefined): Promise<Skipped | Deliverable> {
  if (!loaded) return { kind: "skipped", reason: "event not found" };
  const { event, destination, connection } = loaded;
  const now = deps.now();
  if (!destination || !connection) return cancelOrphan(deps, loaded);
  // A person asked for this attempt (a manual retry or a bulk replay): it goes whatever the event's
  // status, pause or place in line; only pacing still applies.
  if (isRequested(message.trigger)) return { ...loaded, destination, connection };
  // Final events are never delivered twice by the automatic path; paused ones wait for unpause.
  if (event.status !== "scheduled") return { kind: "skipped", reason: `event is ${event.status}` };
  if (event.nextAttemptAt !== null && event.nextAttemptAt > now + EARLY_TOLERANCE_MS) return { kind: "skipped", reason: "not due yet" };
  if (connection.pausedAt !== null || destination.pausedAt !== null) {
    const [paused] = await pauseEvent(deps.db, event.id, now);
    // A paused head of line stops holding the others, unless the whole destination is paused.
    if (paused && destination.deliveryOrder === "fifo" && destination.pausedAt === null) await handTurnOn(deps.db, destination.id, (m) => deps.enqueue(m, 0));
    return { kind: "skipped", reason: "paused" };
  }
  if (destination.deliveryOrder === "fifo" && (await waitsForEarlierEvent(deps.db, event))) {
    return { kind: "skipped", reason: "waiting for an earlier event" };
  }
  return { ...loaded, destination, connection };
}

/** Its connection or destination is gone: the event can never be delivered, so it ends cancelled. */
async function cancelOrphan(deps: DeliveryDeps, { event, destination }: LoadedDelivery): Promise<Skipped> {
  const [cancelled] = await cancelOrphans(deps.db, eq(events.id, event.id), deps.now());
  if (cancelled) {
    log("warn", "event.orphan_cancelled", { event_id: event.id, connection_id: event.connectionId, destination_id: event.destinationId });
    if (destination?.deliveryOrder === "fifo") await handTurnOn(deps.db, destination.id, (m) => deps.enqueue(m, 0));
  }
  return { kind: "skipped", reason: "its connection or destination no longer exists" };
}
