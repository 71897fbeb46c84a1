import { isPlainObject } from "./values";

// `$ref` (spec §4): a value taken from another place in the same part of the request, written as a
// path from that part's root: `data.old_amount`, `items[0].sku`, `items[$index].sku`, or
// `[$index].b` when the root itself is an array. `$index` is the position of the array element
// being matched at that moment; with nested arrays the first `$index` of a path is the outermost
// array's position, the second the next one in (Hookdeck's `test[$index].a[$index].c`).

export interface Scope {
  /** The part being matched (body, headers, query or path): where every `$ref` path starts. */
  readonly root: unknown;
  /** Positions of the array elements being matched, outermost first. */
  readonly indexes: readonly number[];
}

export type RefStep = { key: string } | { at: number } | { nthIndex: number };

/** `{"$ref": …}` and nothing else: the only shape in which a reference may stand. */
export const isRefObject = (v: unknown): v is { $ref: unknown } =>
  isPlainObject(v) && Object.hasOwn(v, "$ref") && Object.keys(v).length === 1;

/** The steps of a path, or null when it is not one (empty, `a..b`, `a.`, `a[x]`, `a[0]b`). */
export function parseRefPath(path: string): RefStep[] | null {
  const steps: RefStep[] = [];
  let indexes = 0;
  let i = 0;
  while (i < path.length) {
    if (path[i] === "[") {
      const close = path.indexOf("]", i);
      const inside = close === -1 ? "" : path.slice(i + 1, close);
      if (inside === "$index") steps.push({ nthIndex: indexes++ });
      else if (/^\d+$/.test(inside) && Number.isSafeInteger(Number(inside))) steps.push({ at: Number(inside) });
      else return null;
      i = close + 1;
    } else {
      let end = i;
      while (end < path.length && !".[]".includes(path[end]!)) end++;
      if (end === i) return null;
      steps.push({ key: path.slice(i, end) });
      i = end;
    }
    // After a step: the end, an index, or a dot followed by a key.
    if (path[i] === ".") {
      i++;
      if (i === path.length || path[i] === "." || path[i] === "[") return null;
    } else if (i < path.length && path[i] !== "[") {
      return null;
    }
  }
  return steps.length > 0 ? steps : null;
}

/** The value at the path, or undefined when any step is missing (which no JSON value is). */
export function resolveRef(steps: readonly RefStep[], scope: Scope): unknown {
  let current = scope.root;
  for (const step of steps) {
    if ("key" in step) {
      if (!isPlainObject(current) || !Object.hasOwn(current, step.key)) return undefined;
      current = current[step.key];
    } else {
      const index = "at" in step ? step.at : scope.indexes[step.nthIndex];
      if (!Array.isArray(current) || index === undefined || index >= current.length) return undefined;
      current = current[index];
    }
  }
  return current;
}
