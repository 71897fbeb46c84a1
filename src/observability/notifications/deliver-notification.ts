import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { notificationChannels } from "../../db/schema";
import { USER_AGENT } from "../../delivery/outbound-request";
import { nextRetryDelay, parseRetryAfter } from "../../delivery/retry-policy";
import { send } from "../../outbound/send";
import { log } from "../../log";
import { notifyMsg, type NotifyMessage } from "../../queue/messages";
import { NOTIFICATION_CHANNEL_SECRETS } from "../../secrets/secret-columns";
import { openRow } from "../../secrets/sealed-row";
import { loadIssueContext } from "./issue-context";
import type { ChannelRow, NotificationInput, OutboundNotification } from "./outbound";
import { opsGenieNotification } from "./opsgenie";
import { pagerDutyNotification } from "./pagerduty";
import { signedWebhookNotification } from "./signed-webhook";
import { slackNotification } from "./slack";
import { teamsNotification } from "./teams";

// Sends one notify message (src/queue/messages.ts): builds the channel's request from the issue as
// it stands, sends it through the delivery path's sender (timeout, redirects, error classes), and
// on failure queues the next try itself, timed by the delivery retry policy.

// Retried on no answer, 429 and 5xx; another 4xx means the channel is misconfigured (a wrong
// routing key, a revoked Slack hook), which no retry fixes. Seven retries, 10 s doubling to 640 s:
// about 21 minutes of tries in all.
const NOTIFY_RETRY = { strategy: "exponential" as const, count: 7, interval_ms: 10_000, response_status_codes: ["429", "500-599"] };
const NOTIFY_TIMEOUT_MS = 10_000;

export interface NotifyDeps {
  db: Db;
  now: () => number;
  /** ALLOW_PRIVATE_DESTINATIONS, for the address guard every hop passes (src/outbound). */
  allowPrivate: boolean;
  /** Queues a message to be consumed after `delayMs`. */
  enqueue: (message: NotifyMessage, delayMs: number) => Promise<unknown>;
}

export type NotifyOutcome =
  | { kind: "skipped"; reason: string }
  | { kind: "sent"; status: number }
  | { kind: "retrying"; delayMs: number }
  | { kind: "gave_up"; status: number | null; error: string | null };

export async function deliverNotification(deps: NotifyDeps, message: NotifyMessage): Promise<NotifyOutcome> {
  const { db } = deps;
  const stored = await db.select().from(notificationChannels).where(eq(notificationChannels.id, message.channel_id)).get();
  if (!stored) return { kind: "skipped", reason: "channel deleted" };
  // Its credentials are encrypted at rest: decrypted here, where they are used.
  const channel = await openRow(NOTIFICATION_CHANNEL_SECRETS, stored);
  const context = await loadIssueContext(db, message.issue_id);
  if (!context) return { kind: "skipped", reason: "issue not found" };
  // A late "opened" (retried past the resolution) would reopen a PagerDuty incident nobody closes.
  if (message.transition === "opened" && context.issue.status === "resolved") return { kind: "skipped", reason: "issue already resolved" };

  const input: NotificationInput = { channel, context, transition: message.transition, link: `${channel.linkOrigin}/v1/issues/${context.issue.id}`, now: deps.now() };
  const outbound = await build(channel, input);
  const result = await send({
    url: new URL(outbound.url),
    method: "POST",
    headers: new Headers({ ...outbound.headers, "user-agent": USER_AGENT }),
    body: () => outbound.body,
    timeoutMs: NOTIFY_TIMEOUT_MS,
    now: deps.now,
    allowPrivate: deps.allowPrivate,
    credentials: outbound.credentials,
  });
  const fields = {
    channel_id: channel.id, channel_type: channel.type, issue_id: context.issue.id, transition: message.transition,
    attempt: message.attempt, status_code: result.status, error: result.error, duration_ms: result.durationMs,
  };
  if (result.status !== null && result.status >= 200 && result.status < 300) {
    log("info", "notification.sent", fields);
    return { kind: "sent", status: result.status };
  }
  const retryAfterMs = parseRetryAfter(result.responseHeaders["retry-after"], deps.now());
  const delayMs = nextRetryDelay(NOTIFY_RETRY, message.attempt, { status: result.status, error: result.error, retryAfterMs });
  if (delayMs === null) {
    log("error", "notification.failed", fields);
    return { kind: "gave_up", status: result.status, error: result.error };
  }
  log("warn", "notification.retrying", { ...fields, retry_in_ms: delayMs });
  await deps.enqueue(notifyMsg(channel.id, context.issue.id, message.transition, message.attempt + 1), delayMs);
  return { kind: "retrying", delayMs };
}

function build(channel: ChannelRow, input: NotificationInput): OutboundNotification | Promise<OutboundNotification> {
  switch (channel.type) {
    case "slack":
      return slackNotification(input);
    case "pagerduty":
      return pagerDutyNotification(input);
    case "webhook":
      return signedWebhookNotification(input);
    case "opsgenie":
      return opsGenieNotification(input);
    case "teams":
      return teamsNotification(input);
  }
}
