import { signatureHeader } from "../../delivery/signing";
import { issueView } from "../issues/issue-view";
import { lastAnswer } from "./issue-context";
import { jsonBytes, type NotificationInput, type OutboundNotification } from "./outbound";

// A generic webhook signed per Standard Webhooks, like the gateway's own deliveries: `webhook-id`
// is stable for one issue's one transition (the receiver's idempotency key across retries),
// `webhook-signature` covers `{id}.{timestamp}.{body}` with the channel's whsec_ secret.

const webhookMessageId = (issueId: string, transition: string) => `${issueId}_${transition}`;

export async function signedWebhookNotification({ channel, context, transition, link, now }: NotificationInput): Promise<OutboundNotification> {
  const id = webhookMessageId(context.issue.id, transition);
  const timestamp = Math.floor(now / 1000);
  const body = jsonBytes({
    type: `issue.${transition}`,
    timestamp: new Date(now).toISOString(),
    data: {
      ...issueView(context.issue),
      url: link,
      connection_name: context.connectionName,
      destination_name: context.destination?.name ?? null,
      last_answer: lastAnswer(context),
    },
  });
  const headers: Record<string, string> = { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(timestamp) };
  if (channel.secret) headers["webhook-signature"] = await signatureHeader([channel.secret], id, timestamp, body);
  return { url: channel.url, headers, body };
}
