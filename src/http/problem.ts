// One error type for the HTTP boundary, rendered as RFC 9457 problem+json (spec §3).

export interface ProblemField {
  path: string;
  message: string;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: ProblemField[],
    readonly headers?: Record<string, string>,
    /** Extension members (RFC 9457 §3.2), such as a transformation's console output. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (errors: ProblemField[], detail = "The request is not valid.") =>
  new Problem(400, "Bad Request", detail, errors);
export const notFound = (what: string) => new Problem(404, "Not Found", `${what} was not found.`);
export const conflict = (detail: string, errors?: ProblemField[]) =>
  new Problem(409, "Conflict", detail, errors);

export function problemResponse(problem: Problem): Response {
  const body: Record<string, unknown> = {
    type: "about:blank",
    title: problem.title,
    status: problem.status,
  };
  if (problem.detail) body.detail = problem.detail;
  if (problem.errors) body.errors = problem.errors;
  if (problem.extensions) Object.assign(body, problem.extensions);
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", ...problem.headers },
  });
}

/** Turns zod issues into the `errors` list: one entry per problem, with a dotted path. */
export function zodIssuesToFields(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix?: string,
): ProblemField[] {
  return issues.map((issue) => {
    const parts = issue.path.map(String);
    if (prefix) parts.unshift(prefix);
    return { path: parts.join("."), message: issue.message };
  });
}
