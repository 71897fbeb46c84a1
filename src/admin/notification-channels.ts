import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt, ne } from "drizzle-orm";
import { config } from "../config";
import { database, type Db } from "../db/client";
import { notificationChannels } from "../db/schema";
import { badRequest, conflict, type ProblemField } from "../http/problem";
import { whsecSecret } from "../delivery/signing";
import { newId } from "../ids";
import { headerValue } from "../http/header-fields";
import { OPSGENIE_API_URL } from "../observability/notifications/opsgenie";
import { PAGERDUTY_EVENTS_URL } from "../observability/notifications/pagerduty";
import { maskSecret } from "../secret-mask";
import { NOTIFICATION_CHANNEL_SECRETS } from "../secrets/secret-columns";
import { openRow, openRows, sealRow } from "../secrets/sealed-row";
import { adminRouter } from "./app";
import { assertFound, iso, isoTime, listQuery, resourceRoutes, toPage } from "./common";
import { assertOutboundUrl } from "../outbound/address-guard";

// /v1/notification-channels (spec §2): where issue notifications go. Credentials are write-only:
// PagerDuty's routing key, OpsGenie's API key, the generic webhook's secret, and a Slack or Teams
// incoming-webhook URL, whose path is itself the credential, are shown masked.

const url = z.string().max(2_000);
const routingKey = z.string().min(1).max(100);
// Sent as `Authorization: GenieKey <key>`, so it must be a valid header value.
const apiKey = headerValue.min(1).max(200);
const channelTypes = ["slack", "pagerduty", "webhook", "opsgenie", "teams"] as const;
const secret = whsecSecret;

// Strict, so that a field of another type (a Slack channel given a routing_key) is named, not dropped.
const channelInput = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("slack"), url }).strict(),
    z.object({ type: z.literal("pagerduty"), routing_key: routingKey, url: url.default(PAGERDUTY_EVENTS_URL) }).strict(),
    z.object({ type: z.literal("webhook"), url, secret }).strict(),
    z.object({ type: z.literal("opsgenie"), api_key: apiKey, url: url.default(OPSGENIE_API_URL) }).strict(),
    z.object({ type: z.literal("teams"), url }).strict(),
  ])
  .openapi("NotificationChannelInput");

const channelPatch = z
  .object({ url: url.optional(), routing_key: routingKey.optional(), secret: secret.optional(), api_key: apiKey.optional() })
  .strict()
  .openapi("NotificationChannelPatch");

const channel = z
  .object({
    id: z.string(),
    type: z.enum(channelTypes),
    url: z.string().openapi({ description: "Masked for Slack and Teams: their incoming-webhook URL is a credential." }),
    routing_key: z.string().nullable().openapi({ description: "PagerDuty only; masked." }),
    api_key: z.string().nullable().openapi({ description: "OpsGenie only; masked." }),
    secret: z.string().nullable().openapi({ description: "Webhook only; masked." }),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .openapi("NotificationChannel");

const routes = resourceRoutes({
  tag: "Notification channels",
  path: "/v1/notification-channels",
  idPrefix: "nch",
  input: channelInput,
  patch: channelPatch,
  output: channel,
  filters: listQuery.extend({ type: z.enum(channelTypes).optional() }),
});

type Row = typeof notificationChannels.$inferSelect;

const maskUrl = (value: string) => `${new URL(value).origin}/${maskSecret(value)}`;

function present(row: Row): z.infer<typeof channel> {
  return {
    id: row.id,
    type: row.type,
    url: row.type === "slack" || row.type === "teams" ? maskUrl(row.url) : row.url,
    // OpsGenie's API key is stored where PagerDuty's routing key is: the channel's integration key.
    routing_key: row.type === "pagerduty" && row.routingKey !== null ? maskSecret(row.routingKey) : null,
    api_key: row.type === "opsgenie" && row.routingKey !== null ? maskSecret(row.routingKey) : null,
    secret: row.secret === null ? null : maskSecret(row.secret),
    created_at: iso(row.createdAt)!,
    updated_at: iso(row.updatedAt)!,
  };
}

/**
 * Two channels with the same type, URL and routing key would send every notification twice to the
 * same place, so the second is a conflict (409). Checked, not indexed: channels are few and
 * written by hand, and their credentials are encrypted (with a random IV), so they are compared
 * decrypted.
 */
async function assertNotDuplicate(db: Db, row: Pick<Row, "id" | "type" | "url" | "routingKey">) {
  const others = await db.select().from(notificationChannels)
    .where(and(eq(notificationChannels.type, row.type), ne(notificationChannels.id, row.id))).all();
  const same = (await openRows(NOTIFICATION_CHANNEL_SECRETS, others)).find((other) => other.url === row.url && other.routingKey === row.routingKey);
  if (same) throw conflict(`Notification channel ${same.id} already sends to this ${row.type === "pagerduty" ? "URL and routing key" : row.type === "opsgenie" ? "URL and API key" : "URL"}.`, [{ path: "url", message: `same as ${same.id}` }]);
}

/** Fields a PATCH may set depend on the channel's type. */
function patchProblems(type: Row["type"], patch: z.infer<typeof channelPatch>): ProblemField[] {
  const problems: ProblemField[] = [];
  if (patch.routing_key !== undefined && type !== "pagerduty") problems.push({ path: "routing_key", message: "only PagerDuty channels have a routing key" });
  if (patch.secret !== undefined && type !== "webhook") problems.push({ path: "secret", message: "only webhook channels have a secret" });
  if (patch.api_key !== undefined && type !== "opsgenie") problems.push({ path: "api_key", message: "only OpsGenie channels have an API key" });
  return problems;
}

export function notificationChannelRoutes() {
  const app = adminRouter();

  app.openapi(routes.list, async (c) => {
    const q = c.req.valid("query");
    const rows = await database(c.env.DB).select().from(notificationChannels)
      .where(and(q.cursor ? lt(notificationChannels.id, q.cursor) : undefined, q.type ? eq(notificationChannels.type, q.type) : undefined))
      .orderBy(desc(notificationChannels.id)).limit(q.limit + 1).all();
    const { data, next_cursor } = toPage(rows, q.limit);
    return c.json({ data: (await openRows(NOTIFICATION_CHANNEL_SECRETS, data)).map(present), next_cursor }, 200);
  });

  app.openapi(routes.create, async (c) => {
    const body = c.req.valid("json");
    assertOutboundUrl(body.url, config(c.env).allowPrivateDestinations);
    const now = Date.now();
    const row: Row = {
      id: newId("channel", now),
      type: body.type,
      url: body.url,
      routingKey: body.type === "pagerduty" ? body.routing_key : body.type === "opsgenie" ? body.api_key : null,
      secret: body.type === "webhook" ? body.secret : null,
      // Links in messages point at the API where the operator set the channel up.
      linkOrigin: new URL(c.req.url).origin,
      createdAt: now,
      updatedAt: now,
    };
    const db = database(c.env.DB);
    await assertNotDuplicate(db, row);
    await db.insert(notificationChannels).values(await sealRow(NOTIFICATION_CHANNEL_SECRETS, row));
    return c.json(present(row), 201);
  });

  app.openapi(routes.get, async (c) => {
    const { id } = c.req.valid("param");
    const row = assertFound(await database(c.env.DB).select().from(notificationChannels).where(eq(notificationChannels.id, id)).get(), "Notification channel");
    return c.json(present(await openRow(NOTIFICATION_CHANNEL_SECRETS, row)), 200);
  });

  app.openapi(routes.update, async (c) => {
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    const db = database(c.env.DB);
    const current = await openRow(NOTIFICATION_CHANNEL_SECRETS, assertFound(await db.select().from(notificationChannels).where(eq(notificationChannels.id, id)).get(), "Notification channel"));
    const problems = patchProblems(current.type, patch);
    if (problems.length) throw badRequest(problems);
    if (patch.url !== undefined) assertOutboundUrl(patch.url, config(c.env).allowPrivateDestinations);
    const row: Row = {
      ...current,
      url: patch.url ?? current.url,
      routingKey: patch.routing_key ?? patch.api_key ?? current.routingKey,
      secret: patch.secret ?? current.secret,
      linkOrigin: new URL(c.req.url).origin,
      updatedAt: Date.now(),
    };
    await assertNotDuplicate(db, row);
    await db.update(notificationChannels).set(await sealRow(NOTIFICATION_CHANNEL_SECRETS, row)).where(eq(notificationChannels.id, id));
    return c.json(present(row), 200);
  });

  app.openapi(routes.remove, async (c) => {
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    assertFound(await db.select({ id: notificationChannels.id }).from(notificationChannels).where(eq(notificationChannels.id, id)).get(), "Notification channel");
    await db.delete(notificationChannels).where(eq(notificationChannels.id, id));
    return c.body(null, 204);
  });

  return app;
}
