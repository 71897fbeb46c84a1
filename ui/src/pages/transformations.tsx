import { api, must, type Schemas } from "../api/client";
import { ResourcePage, type ResourceSpec } from "../components/resource-page";
import { TryTransformation } from "../components/try-transformation";
import { time } from "../components/table";

type Transformation = Schemas["Transformation"];
const path = (id: string) => ({ params: { path: { id } } });

const spec: ResourceSpec<Transformation> = {
  title: "Transformations",
  noun: "transformation",
  columns: [
    { header: "Name", cell: (t) => t.name },
    { header: "Env", cell: (t) => Object.keys(t.env).join(", ") || "—" },
    { header: "Updated", cell: (t) => time(t.updated_at) },
  ],
  fields: [
    { path: "name", label: "Name" },
    { path: "code", label: "Code", kind: "code", hint: "JavaScript: addHandler('transform', (request, context) => request)" },
    { path: "env", label: "Env (JSON)", kind: "json", hint: '{"API_KEY": "…"}' },
  ],
  list: (cursor) => must(api.GET("/v1/transformations", { params: { query: { cursor } } })),
  create: (body) => must(api.POST("/v1/transformations", { body: body as Schemas["TransformationInput"] })),
  update: (id, body) => must(api.PATCH("/v1/transformations/{id}", { ...path(id), body })),
  remove: (id) => must(api.DELETE("/v1/transformations/{id}", path(id))),
  formExtra: (read) => (
    <TryTransformation source={async () => ({ code: String(read().code ?? ""), env: (read().env as Record<string, string>) ?? {} })} />
  ),
};

export const Transformations = () => <ResourcePage spec={spec} />;
