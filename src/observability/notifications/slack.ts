import { lastAnswer, routeName } from "./issue-context";
import { jsonBytes, type NotificationInput, type OutboundNotification } from "./outbound";

// Slack incoming webhook: a JSON body with `text` in Slack's mrkdwn, where `<url|label>` is a link.
// https://api.slack.com/messaging/webhooks

/** Slack's mrkdwn gives &, < and > a meaning; names must show as written. */
const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

export function slackNotification({ channel, context, transition, link }: NotificationInput): OutboundNotification {
  const { issue } = context;
  const route = escape(routeName(context));
  const failures = `${issue.failures} failed ${issue.failures === 1 ? "attempt" : "attempts"}`;
  const text = transition === "opened"
    ? `:rotating_light: Deliveries are failing on *${route}*: ${failures} so far, last answer ${escape(lastAnswer(context))}. <${link}|Issue ${issue.id}>`
    : `:white_check_mark: Deliveries on *${route}* work again; the issue is resolved after ${failures}. <${link}|Issue ${issue.id}>`;
  return { url: channel.url, headers: { "content-type": "application/json" }, body: jsonBytes({ text }) };
}
