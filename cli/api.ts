import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "../ui/src/api/schema";
import { CliError } from "./output";
import type { Login } from "./settings";

// The typed client: paths and bodies come from the types generated from /openapi.json
// (`npm run api:types`), shared with the dashboard, so the command cannot drift from the API.

export type Api = Client<paths>;
export type Schemas = components["schemas"];

const REQUEST_TIMEOUT_MS = 30_000;

export function apiFor(login: Login): Api {
  const baseUrl = login.url.replace(/\/+$/, "");
  return createClient<paths>({
    baseUrl,
    headers: { authorization: `Bearer ${login.key}` },
    fetch: async (request) => {
      try {
        return await fetch(request, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      } catch (error) {
        throw new CliError(`cannot reach ${baseUrl}: ${reason(error)}`);
      }
    },
  });
}

/** Why a fetch failed, in words: Node hides the socket error in `cause`. */
function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === "ECONNREFUSED") return "connection refused";
  if (cause?.code === "ENOTFOUND") return "no such host";
  if ((error as Error).name === "TimeoutError") return `no answer in ${REQUEST_TIMEOUT_MS / 1000} s`;
  return cause?.message ?? (error as Error).message;
}

interface Problem {
  title?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

/** One line for an error answer: status, what the API said, and each field problem as `field: message`. */
export function problemLine(response: Response, body: unknown): string {
  const problem = typeof body === "object" && body !== null && "title" in body ? (body as Problem) : undefined;
  if (!problem) return `${new URL(response.url).origin} answered ${response.status} ${response.statusText} to ${new URL(response.url).pathname}: is it an event gateway?`;
  const head = `${response.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ""}`;
  const fields = (problem.errors ?? []).map((e) => `${e.path || "(body)"}: ${e.message}`);
  return fields.length ? `${head} (${fields.join("; ")})` : head;
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call: its data, or a CliError naming what the API refused. */
export async function must<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new CliError(problemLine(response, error));
  return data as T;
}

/** The query parameters of a GET route, as generated. */
export type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;
