import { api, must, type Schemas } from "../api/client";
import { ResourcePage, type ResourceSpec } from "../components/resource-page";
import { time } from "../components/table";

type Destination = Schemas["Destination"];
const path = (id: string) => ({ params: { path: { id } } });

const spec: ResourceSpec<Destination> = {
  title: "Destinations",
  noun: "destination",
  columns: [
    { header: "Name", cell: (d) => d.name },
    { header: "URL", cell: (d) => <code>{d.http_method} {d.url}</code> },
    { header: "Rate limit", cell: (d) => (d.rate_limit ? `${d.rate_limit.limit} per ${d.rate_limit.period}` : "none") },
    { header: "Concurrency", cell: (d) => d.max_concurrency ?? "any" },
    { header: "Order", cell: (d) => d.delivery_order },
    { header: "Auth", cell: (d) => String(d.auth?.type ?? "none") },
    { header: "Signing", cell: (d) => d.signing?.type ?? "none" },
    { header: "State", cell: (d) => (d.paused_at ? `paused since ${time(d.paused_at)}` : "active") },
  ],
  fields: [
    { path: "name", label: "Name" },
    { path: "url", label: "URL" },
    { path: "http_method", label: "HTTP method", kind: "select", options: ["POST", "PUT", "PATCH", "GET", "DELETE"] },
    { path: "headers", label: "Headers (JSON)", kind: "json", hint: '{"x-team": "payments"}' },
    { path: "auth", label: "Auth (JSON)", kind: "json", hint: '{"type": "bearer", "token": "…"}; empty for none.' },
    { path: "signing", label: "Signing (JSON)", kind: "json", hint: '{"type": "standard_webhooks", "secrets": ["whsec_…"]}' },
    { path: "rate_limit", label: "Rate limit (JSON)", kind: "json", hint: '{"limit": 10, "period": "second"}' },
    { path: "max_concurrency", label: "Max concurrency", kind: "number" },
    { path: "delivery_order", label: "Delivery order", kind: "select", options: ["any", "fifo"] },
    { path: "timeout_ms", label: "Timeout (ms)", kind: "number" },
  ],
  list: (cursor) => must(api.GET("/v1/destinations", { params: { query: { cursor } } })),
  create: (body) => must(api.POST("/v1/destinations", { body: body as Schemas["DestinationInput"] })),
  update: (id, body) => must(api.PATCH("/v1/destinations/{id}", { ...path(id), body })),
  remove: (id) => must(api.DELETE("/v1/destinations/{id}", path(id))),
  rowActions: (d, run) =>
    d.paused_at ? (
      <button type="button" aria-label={`Unpause ${d.name}`} onClick={() => run(() => must(api.POST("/v1/destinations/{id}/unpause", path(d.id))))}>Unpause</button>
    ) : (
      <button type="button" aria-label={`Pause ${d.name}`} onClick={() => run(() => must(api.POST("/v1/destinations/{id}/pause", path(d.id))))}>Pause</button>
    ),
};

export const Destinations = () => <ResourcePage spec={spec} />;
