import { api, must, type Schemas } from "../api/client";
import { ResourcePage, type ResourceSpec } from "../components/resource-page";
import { time } from "../components/table";

type Channel = Schemas["NotificationChannel"] & { name?: string };
const path = (id: string) => ({ params: { path: { id } } });

const spec: ResourceSpec<Channel> = {
  title: "Notification channels",
  noun: "notification channel",
  intro: <p>Where issue notifications go: Slack, PagerDuty, or a signed webhook. Credentials are shown masked.</p>,
  columns: [
    { header: "Id", cell: (n) => n.id },
    { header: "Type", cell: (n) => n.type },
    { header: "URL", cell: (n) => <code>{n.url}</code> },
    { header: "Created", cell: (n) => time(n.created_at) },
  ],
  fields: [
    { path: "type", label: "Type", kind: "select", options: ["slack", "pagerduty", "webhook"], createOnly: true },
    { path: "url", label: "URL", hint: "PagerDuty: empty for the Events API." },
    { path: "routing_key", label: "Routing key (PagerDuty)" },
    { path: "secret", label: "Secret (webhook)", hint: "whsec_ followed by base64." },
  ],
  list: (cursor) => must(api.GET("/v1/notification-channels", { params: { query: { cursor } } })),
  create: (body) => must(api.POST("/v1/notification-channels", { body: body as Schemas["NotificationChannelInput"] })),
  update: (id, body) => must(api.PATCH("/v1/notification-channels/{id}", { ...path(id), body })),
  remove: (id) => must(api.DELETE("/v1/notification-channels/{id}", path(id))),
};

export const NotificationChannels = () => <ResourcePage spec={spec} />;
