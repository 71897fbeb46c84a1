import { api, must } from "../api/client";
import { useLoad } from "./use-load";

// Sources, destinations and connections by id, for the names in tables and the choices in filter
// selects. Loaded once per page (the API's page limit, 250, covers a gateway's configuration).

async function loadCatalog() {
  const query = { query: { limit: 250 } };
  const [sources, destinations, connections] = await Promise.all([
    must(api.GET("/v1/sources", { params: query })),
    must(api.GET("/v1/destinations", { params: query })),
    must(api.GET("/v1/connections", { params: query })),
  ]);
  return { sources: sources.data, destinations: destinations.data, connections: connections.data };
}

export type Catalog = Awaited<ReturnType<typeof loadCatalog>>;

export function useCatalog() {
  return useLoad(loadCatalog, []).data;
}

const options = (rows: { id: string; name: string }[] | undefined) => (rows ?? []).map((r) => ({ value: r.id, label: r.name }));

/** Select options for the source, connection and destination filters. */
export function catalogFilters(catalog: Catalog | undefined) {
  return [
    { name: "source_id", label: "Source", options: options(catalog?.sources) },
    { name: "connection_id", label: "Connection", options: options(catalog?.connections) },
    { name: "destination_id", label: "Destination", options: options(catalog?.destinations) },
  ];
}

/** The name of an object, given its id, or the id itself while the catalog loads. */
export function nameOf(catalog: Catalog | undefined, id: string): string {
  const all = [...(catalog?.sources ?? []), ...(catalog?.destinations ?? []), ...(catalog?.connections ?? [])];
  return all.find((row) => row.id === id)?.name ?? id;
}
