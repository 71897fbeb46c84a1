import { api, must, type Schemas } from "../api/client";

/** A stored request as the rules see it: its body parsed when it is JSON (spec §4, §5). */
export interface SampleRequest {
  id: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: unknown;
}

function sampleOf(request: Schemas["Request"]): SampleRequest {
  let body: unknown = request.body;
  if (request.body_encoding === "utf8") {
    try {
      body = JSON.parse(request.body);
    } catch {
      // Not JSON: the rules see the text as it is.
    }
  }
  // The stored path is what followed /e/:source_id; routing shows "/" when nothing did.
  return { id: request.id, method: request.method, path: request.path || "/", query: request.query, headers: request.headers, body };
}

/** The stored request `id`, or the latest one accepted (of `sourceId`, when given). */
export async function loadSample(id: string, sourceId?: string): Promise<SampleRequest> {
  let requestId = id.trim();
  if (!requestId) {
    const latest = await must(api.GET("/v1/requests", { params: { query: { limit: 1, rejection: "none", source_id: sourceId } } }));
    if (!latest.data[0]) throw new Error("No stored request yet: send a webhook to a source first.");
    requestId = latest.data[0].id;
  }
  return sampleOf(await must(api.GET("/v1/requests/{id}", { params: { path: { id: requestId } } })));
}
