import openapiTS, { astToString } from "openapi-typescript";

// The dashboard's typed API client (ui/src/api/) is generated from the OpenAPI document the Worker
// serves, so that the UI cannot drift from the API: `npm run api:types` writes this file's output
// to API_TYPES_FILE, and the browser suite fails when the committed copy differs.

export const API_TYPES_FILE = "ui/src/api/schema.d.ts";

const HEADER = "// Generated from the Worker's /openapi.json by `npm run api:types` (scripts/api-types.ts). Do not edit.\n";

export async function apiTypesFor(document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}
