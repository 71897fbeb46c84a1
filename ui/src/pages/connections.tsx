import { api, must, type Schemas } from "../api/client";
import { nameOf, useCatalog } from "../components/catalog";
import { ResourcePage, type ResourceSpec } from "../components/resource-page";
import { time } from "../components/table";
import { TryFilter } from "../components/try-filter";
import { TryTransformation } from "../components/try-transformation";

type Connection = Schemas["Connection"];
const path = (id: string) => ({ params: { path: { id } } });

// The API never shows a transformation's env values (they are secrets), so a try-out from the
// connection form runs the saved code without them.
const ENV_NOTE = "Runs the transformation's saved code without its env values, which are write-only.";

/** The code of the transformation the form's rules name in their transform rule. */
async function transformationOf(form: Record<string, unknown>) {
  const rule = ((form.rules ?? []) as { type?: string; transformation_id?: string }[]).find((r) => r.type === "transform");
  if (!rule?.transformation_id) throw new Error("The rules have no transform rule to run.");
  const saved = await must(api.GET("/v1/transformations/{id}", path(rule.transformation_id)));
  return { code: saved.code, env: {} };
}

const pauseButton = (c: Connection, run: (action: () => Promise<unknown>) => void) =>
  c.paused_at ? (
    <button type="button" aria-label={`Unpause ${c.name}`} onClick={() => run(() => must(api.POST("/v1/connections/{id}/unpause", path(c.id))))}>Unpause</button>
  ) : (
    <button type="button" aria-label={`Pause ${c.name}`} onClick={() => run(() => must(api.POST("/v1/connections/{id}/pause", path(c.id))))}>Pause</button>
  );

export function Connections() {
  const catalog = useCatalog();
  const choices = (rows: { id: string; name: string }[] | undefined) => (rows ?? []).map((r) => ({ value: r.id, label: r.name }));
  const spec: ResourceSpec<Connection> = {
    title: "Connections",
    noun: "connection",
    columns: [
      { header: "Name", cell: (c) => c.name },
      { header: "Source → destination", cell: (c) => `${nameOf(catalog, c.source_id)} → ${nameOf(catalog, c.destination_id)}` },
      { header: "Rules", cell: (c) => c.rules.map((r) => String(r.type)).join(", ") || "none" },
      { header: "State", cell: (c) => (c.disabled_at ? "disabled" : c.paused_at ? `paused since ${time(c.paused_at)}` : "active") },
    ],
    fields: [
      { path: "name", label: "Name" },
      { path: "source_id", label: "Source", kind: "select", options: choices(catalog?.sources), createOnly: true },
      { path: "destination_id", label: "Destination", kind: "select", options: choices(catalog?.destinations) },
      { path: "rules", label: "Rules (JSON)", kind: "json", hint: '[{"type": "filter", "body": {"type": "order.paid"}}]' },
      { path: "disabled", label: "Disabled", kind: "checkbox" },
    ],
    list: (cursor) => must(api.GET("/v1/connections", { params: { query: { cursor } } })),
    create: (body) => must(api.POST("/v1/connections", { body: body as Schemas["ConnectionInput"] })),
    update: (id, body) => must(api.PATCH("/v1/connections/{id}", { ...path(id), body })),
    remove: (id) => must(api.DELETE("/v1/connections/{id}", path(id))),
    rowActions: pauseButton,
    formValues: (c) => ({ ...c, disabled: Boolean(c.disabled_at) }),
    formExtra: (read) => (
      <>
        <TryFilter read={read} />
        <TryTransformation source={() => transformationOf(read())} note={ENV_NOTE} />
      </>
    ),
  };
  return <ResourcePage spec={spec} />;
}
