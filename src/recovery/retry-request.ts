import type { Db } from "../db/client";
import { rerouteRequest, type RerouteOutcome } from "../routing/reroute-request";
import type { DeliveryMessages } from "../routing/initial-messages";

// POST /v1/requests/:id/retry (spec §3): route the stored request again through today's rules
// (semantics in src/routing/reroute-request.ts), then hand the new events to the queue.

export async function retryRequest(db: Db, send: (messages: DeliveryMessages) => Promise<unknown>, requestId: string, now: number): Promise<RerouteOutcome> {
  const outcome = await rerouteRequest(db, requestId, now);
  if (outcome.kind === "routed") await send(outcome.messages);
  return outcome;
}
