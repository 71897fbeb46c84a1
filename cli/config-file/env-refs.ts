import { CliError } from "../output";

// `${VAR}` in any string of a configuration file is replaced by that environment variable, so
// secrets live in the environment (or a secret manager feeding it) and never in the file. `$${`
// writes a literal `${`.

const REFERENCE = /\$(\$)?\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function resolveEnvRefs<T>(value: T, env: Record<string, string | undefined>, file: string): T {
  return walk(value, env, file, []) as T;
}

function walk(value: unknown, env: Record<string, string | undefined>, file: string, path: (string | number)[]): unknown {
  if (typeof value === "string") return substitute(value, env, file, path);
  if (Array.isArray(value)) return value.map((item, i) => walk(item, env, file, [...path, i]));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, env, file, [...path, key])]));
  }
  return value;
}

function substitute(text: string, env: Record<string, string | undefined>, file: string, path: (string | number)[]): string {
  return text.replace(REFERENCE, (_, escaped: string | undefined, name: string) => {
    if (escaped) return `\${${name}}`;
    const found = env[name];
    if (found === undefined) throw new CliError(`${file}: ${path.join(".")}: environment variable ${name} is not set`);
    return found;
  });
}
