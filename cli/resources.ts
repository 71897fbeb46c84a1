import { must, type Api, type Schemas } from "./api";

// The five configuration resources, each as the same five typed calls: the resource commands and
// export/apply both go through these.

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export interface ResourceCalls<T, Input, Patch> {
  list(api: Api, query: { limit?: number; cursor?: string }): Promise<Page<T>>;
  get(api: Api, id: string): Promise<T>;
  create(api: Api, body: Input): Promise<T>;
  update(api: Api, id: string, body: Patch): Promise<T>;
  remove(api: Api, id: string): Promise<void>;
}

const path = (id: string) => ({ params: { path: { id } } });

export const sources: ResourceCalls<Schemas["Source"], Schemas["SourceInput"], Schemas["SourcePatch"]> = {
  list: (api, query) => must(api.GET("/v1/sources", { params: { query } })),
  get: (api, id) => must(api.GET("/v1/sources/{id}", path(id))),
  create: (api, body) => must(api.POST("/v1/sources", { body })),
  update: (api, id, body) => must(api.PATCH("/v1/sources/{id}", { ...path(id), body })),
  remove: async (api, id) => void (await must(api.DELETE("/v1/sources/{id}", path(id)))),
};

export const destinations: ResourceCalls<Schemas["Destination"], Schemas["DestinationInput"], Schemas["DestinationPatch"]> = {
  list: (api, query) => must(api.GET("/v1/destinations", { params: { query } })),
  get: (api, id) => must(api.GET("/v1/destinations/{id}", path(id))),
  create: (api, body) => must(api.POST("/v1/destinations", { body })),
  update: (api, id, body) => must(api.PATCH("/v1/destinations/{id}", { ...path(id), body })),
  remove: async (api, id) => void (await must(api.DELETE("/v1/destinations/{id}", path(id)))),
};

export const connections: ResourceCalls<Schemas["Connection"], Schemas["ConnectionInput"], Schemas["ConnectionPatch"]> = {
  list: (api, query) => must(api.GET("/v1/connections", { params: { query } })),
  get: (api, id) => must(api.GET("/v1/connections/{id}", path(id))),
  create: (api, body) => must(api.POST("/v1/connections", { body })),
  update: (api, id, body) => must(api.PATCH("/v1/connections/{id}", { ...path(id), body })),
  remove: async (api, id) => void (await must(api.DELETE("/v1/connections/{id}", path(id)))),
};

export const transformations: ResourceCalls<Schemas["Transformation"], Schemas["TransformationInput"], Schemas["TransformationPatch"]> = {
  list: (api, query) => must(api.GET("/v1/transformations", { params: { query } })),
  get: (api, id) => must(api.GET("/v1/transformations/{id}", path(id))),
  create: (api, body) => must(api.POST("/v1/transformations", { body })),
  update: (api, id, body) => must(api.PATCH("/v1/transformations/{id}", { ...path(id), body })),
  remove: async (api, id) => void (await must(api.DELETE("/v1/transformations/{id}", path(id)))),
};

export const notificationChannels: ResourceCalls<Schemas["NotificationChannel"], Schemas["NotificationChannelInput"], Schemas["NotificationChannelPatch"]> = {
  list: (api, query) => must(api.GET("/v1/notification-channels", { params: { query } })),
  get: (api, id) => must(api.GET("/v1/notification-channels/{id}", path(id))),
  create: (api, body) => must(api.POST("/v1/notification-channels", { body })),
  update: (api, id, body) => must(api.PATCH("/v1/notification-channels/{id}", { ...path(id), body })),
  remove: async (api, id) => void (await must(api.DELETE("/v1/notification-channels/{id}", path(id)))),
};

/** Every object of a resource, following the cursor (configuration is small: a few pages at most). */
export async function listAll<T>(api: Api, calls: Pick<ResourceCalls<T, unknown, unknown>, "list">): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await calls.list(api, { limit: 250, cursor });
    all.push(...page.data);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return all;
}
