import { lastAnswer, routeName } from "./issue-context";
import { jsonBytes, type NotificationInput, type OutboundNotification } from "./outbound";

// PagerDuty Events API v2: `trigger` when an issue opens and `resolve` when it resolves, with the
// issue id as `dedup_key`, so PagerDuty folds both (and any repeat) into one incident.
// https://developer.pagerduty.com/docs/events-api-v2/trigger-events/

export const PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";
// PagerDuty truncates a longer summary.
const SUMMARY_LIMIT = 1024;

export function pagerDutyNotification({ channel, context, transition, link }: NotificationInput): OutboundNotification {
  const { issue } = context;
  const common = { routing_key: channel.routingKey ?? "", dedup_key: issue.id };
  const body = transition === "resolved"
    ? { ...common, event_action: "resolve" }
    : {
        ...common,
        event_action: "trigger",
        payload: {
          summary: `Webhook deliveries failing on ${routeName(context)}: ${issue.failures} failed, last ${lastAnswer(context)}`.slice(0, SUMMARY_LIMIT),
          source: context.destination ? new URL(context.destination.url).host : issue.destinationId,
          severity: "error",
          timestamp: new Date(issue.firstSeenAt).toISOString(),
          component: context.destination?.name ?? issue.destinationId,
          group: context.connectionName ?? issue.connectionId,
          class: "webhook_delivery",
          custom_details: {
            issue_id: issue.id,
            connection_id: issue.connectionId,
            destination_id: issue.destinationId,
            failures: issue.failures,
            last_answer: lastAnswer(context),
            last_event_id: context.lastAttempt?.eventId ?? null,
          },
        },
        links: [{ href: link, text: `Issue ${issue.id}` }],
      };
  // The routing key travels in the body, which no other origin may be sent (src/outbound/send.ts).
  return { url: channel.url, headers: { "content-type": "application/json" }, body: jsonBytes(body), credentials: { headers: [], query: [], inBody: true } };
}
