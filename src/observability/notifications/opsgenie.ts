import { lastAnswer, routeName } from "./issue-context";
import { jsonBytes, type NotificationInput, type OutboundNotification } from "./outbound";

// OpsGenie Alert API v2: an alert is created when an issue opens and closed when it resolves, both
// by `alias` = the issue id, so OpsGenie folds a repeat of either into the one alert. The channel's
// API key (an API integration's key) goes in `Authorization: GenieKey …`; `url` is the API's base,
// the US one by default (EU accounts use https://api.eu.opsgenie.com).
// https://docs.opsgenie.com/docs/alert-api

export const OPSGENIE_API_URL = "https://api.opsgenie.com";
// OpsGenie's limits: a longer message or description is refused or cut.
const MESSAGE_LIMIT = 130;
const DESCRIPTION_LIMIT = 15_000;

export function opsGenieNotification({ channel, context, transition, link }: NotificationInput): OutboundNotification {
  const { issue } = context;
  const base = channel.url.replace(/\/+$/, "");
  const headers = { "content-type": "application/json", authorization: `GenieKey ${channel.routingKey ?? ""}` };
  if (transition === "resolved") {
    return {
      url: `${base}/v2/alerts/${encodeURIComponent(issue.id)}/close?identifierType=alias`,
      headers,
      body: jsonBytes({ source: "event-gateway", note: `Deliveries on ${routeName(context)} work again: ${link}` }),
    };
  }
  const body = {
    message: `Webhook deliveries failing on ${routeName(context)}`.slice(0, MESSAGE_LIMIT),
    alias: issue.id,
    description: `${issue.failures} failed ${issue.failures === 1 ? "attempt" : "attempts"} so far, last answer ${lastAnswer(context)}.\n${link}`.slice(0, DESCRIPTION_LIMIT),
    source: "event-gateway",
    entity: context.destination?.name ?? issue.destinationId,
    priority: "P2",
    tags: ["webhook_delivery"],
    details: {
      issue_id: issue.id,
      connection_id: issue.connectionId,
      destination_id: issue.destinationId,
      failures: String(issue.failures),
      last_answer: lastAnswer(context),
      last_event_id: context.lastAttempt?.eventId ?? "",
      url: link,
    },
  };
  return { url: `${base}/v2/alerts`, headers, body: jsonBytes(body) };
}
