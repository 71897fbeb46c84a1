import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

// The one door to the admin API: typed by the generated schema (npm run api:types). The browser
// sends the HttpOnly session cookie by itself; the API key is never kept here.

export const api = createClient<paths>({ baseUrl: location.origin });

export type Schemas = components["schemas"];

/** An RFC 9457 problem as the API answers it, thrown by `must`. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: { path: string; message: string }[],
    readonly extra: Record<string, unknown>,
  ) {
    super(detail ?? title);
  }
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call: its data, or an ApiProblem for any error answer. */
export async function must<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const problem = (error ?? {}) as { title?: string; detail?: string; errors?: { path: string; message: string }[] } & Record<string, unknown>;
  if (response.status === 401) window.dispatchEvent(new Event("session-ended"));
  throw new ApiProblem(response.status, problem.title ?? response.statusText, problem.detail, problem.errors ?? [], problem);
}
