import { lastAnswer, routeName } from "./issue-context";
import { jsonBytes, type NotificationInput, type OutboundNotification } from "./outbound";

// Microsoft Teams incoming webhook (a Teams Workflows "post to a channel when a webhook request is
// received" URL, or a legacy connector URL): a message carrying one Adaptive Card with the issue in
// words, its facts, and a button to the issue. The URL is itself the credential.
// https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using

export function teamsNotification({ channel, context, transition, link }: NotificationInput): OutboundNotification {
  const { issue } = context;
  const failures = `${issue.failures} failed ${issue.failures === 1 ? "attempt" : "attempts"}`;
  const opened = transition === "opened";
  const card = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body: [
      {
        type: "TextBlock", size: "Medium", weight: "Bolder", wrap: true, color: opened ? "Attention" : "Good",
        text: opened ? `Deliveries are failing on ${routeName(context)}` : `Deliveries on ${routeName(context)} work again`,
      },
      {
        type: "TextBlock", wrap: true,
        text: opened ? `${failures} so far, last answer ${lastAnswer(context)}.` : `The issue is resolved after ${failures}.`,
      },
      {
        type: "FactSet",
        facts: [
          { title: "Issue", value: issue.id },
          { title: "Connection", value: context.connectionName ?? issue.connectionId },
          { title: "Destination", value: context.destination?.name ?? issue.destinationId },
        ],
      },
    ],
    actions: [{ type: "Action.OpenUrl", title: `Issue ${issue.id}`, url: link }],
  };
  const body = { type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card }] };
  return { url: channel.url, headers: { "content-type": "application/json" }, body: jsonBytes(body) };
}
