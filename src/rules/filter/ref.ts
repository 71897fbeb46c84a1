// `$ref` (spec §4): an operand taken from another place in the same payload, such as
// `"data.old_amount"` or `"items[$index].sku"`, where `$index` is the position of the array element
// being matched at the time. With nested arrays, the first `$index` in a path is the outermost
// array's position, the second the next one in, and so on.

export type RefScope = { root: unknown; indexes: number[] };

/** The scope inside element `index` of an array being matched. */
export const enter = (scope: RefScope, index: number): RefScope => ({ ...scope, indexes: [...scope.indexes, index] });

const SEGMENT = /([^.[\]]+)|\[(\d+|\$index)\]/g;

export function isRef(value: unknown): value is { $ref: string } {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && "$ref" in value;
}

export function validRefPath(path: unknown): boolean {
  if (typeof path !== "string" || path.length === 0) return false;
  let consumed = 0;
  for (const match of path.matchAll(SEGMENT)) {
    const between = path.slice(consumed, match.index);
    if (between !== "" && between !== ".") return false;
    consumed = match.index + match[0].length;
  }
  return consumed === path.length;
}

/** The value at the path, or undefined when any step is missing (never throws). */
export function resolveRef(path: string, scope: RefScope): unknown {
  let current = scope.root;
  let nextIndex = 0;
  for (const match of path.matchAll(SEGMENT)) {
    if (current === null || typeof current !== "object") return undefined;
    if (match[1] !== undefined) {
      if (Array.isArray(current) || !Object.hasOwn(current, match[1])) return undefined;
      current = (current as Record<string, unknown>)[match[1]];
    } else {
      const index = match[2] === "$index" ? scope.indexes[nextIndex++] : Number(match[2]);
      if (!Array.isArray(current) || index === undefined || index >= current.length) return undefined;
      current = current[index];
    }
  }
  return current;
}
