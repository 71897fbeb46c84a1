import { api, must, type Schemas } from "../api/client";
import { CopyButton } from "../components/copy-button";
import { ResourcePage, type ResourceSpec } from "../components/resource-page";
import { time } from "../components/table";

type Source = Schemas["Source"];
const path = (id: string) => ({ params: { path: { id } } });

/** The ingest URL a provider is given, with a button that copies it. */
const IngestUrl = ({ source }: { source: Source }) => (
  <span class="ingest-url">
    <code>{source.url}</code> <CopyButton text={source.url} label={`Copy the ingest URL of ${source.name}`} />
  </span>
);

const spec: ResourceSpec<Source> = {
  title: "Sources",
  noun: "source",
  columns: [
    { header: "Name", cell: (s) => s.name },
    { header: "Ingest URL", cell: (s) => <IngestUrl source={s} /> },
    { header: "Verification", cell: (s) => String(s.verification?.type ?? "none") },
    { header: "Methods", cell: (s) => s.allowed_methods.join(", ") },
    { header: "Disabled", cell: (s) => (s.disabled_at ? `since ${time(s.disabled_at)}` : "no") },
  ],
  fields: [
    { path: "name", label: "Name", hint: "Letters, digits, '.', '_' and '-'." },
    { path: "allowed_methods", label: "Allowed methods", kind: "list", hint: "e.g. POST, PUT" },
    { path: "verification", label: "Verification (JSON)", kind: "json", hint: 'e.g. {"type": "stripe", "secret": "whsec_…"}; empty for none.' },
    { path: "response", label: "Response (JSON)", kind: "json", hint: 'e.g. {"status": 200, "body": "ok"}; empty for the default.' },
    { path: "disabled", label: "Disabled", kind: "checkbox" },
  ],
  list: (cursor) => must(api.GET("/v1/sources", { params: { query: { cursor } } })),
  create: (body) => must(api.POST("/v1/sources", { body: body as Schemas["SourceInput"] })),
  update: (id, body) => must(api.PATCH("/v1/sources/{id}", { ...path(id), body })),
  remove: (id) => must(api.DELETE("/v1/sources/{id}", path(id))),
  formValues: (s) => ({ ...s, disabled: Boolean(s.disabled_at) }),
  created: (s) => <p>Source {s.name} created. Its ingest URL: <IngestUrl source={s} /></p>,
};

export const Sources = () => <ResourcePage spec={spec} />;
