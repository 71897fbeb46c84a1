// Field paths as the `deduplicate` rule names them (spec §2): `body.id`, `headers.x-github-delivery`,
// `body.items[*].sku`, `body.data.list[0]`. The first segment says which part of the request.

export type Segment = { key: string } | { index: number } | { each: true };

const SEGMENT = /([^.[\]]+)|\[(\d+|\*)\]/g;

export function parseFieldPath(path: string): Segment[] | null {
  const segments: Segment[] = [];
  let consumed = 0;
  for (const match of path.matchAll(SEGMENT)) {
    const between = path.slice(consumed, match.index);
    if (between !== "" && between !== ".") return null;
    consumed = match.index + match[0].length;
    if (match[1] !== undefined) segments.push({ key: match[1] });
    else if (match[2] === "*") segments.push({ each: true });
    else segments.push({ index: Number(match[2]) });
  }
  if (consumed !== path.length || segments.length === 0) return null;
  return segments;
}

/** Every value at the path; `[*]` fans out over array elements. Missing values yield nothing. */
export function valuesAt(root: unknown, segments: Segment[]): unknown[] {
  let current: unknown[] = [root];
  for (const segment of segments) {
    const next: unknown[] = [];
    for (const value of current) {
      if ("key" in segment) {
        if (value !== null && typeof value === "object" && !Array.isArray(value) && segment.key in value) {
          next.push((value as Record<string, unknown>)[segment.key]);
        }
      } else if (Array.isArray(value)) {
        if ("index" in segment) {
          if (segment.index < value.length) next.push(value[segment.index]);
        } else next.push(...value);
      }
    }
    current = next;
  }
  return current;
}

/** A deep copy of `root` without the value at the path (every element's, under `[*]`). */
export function withoutPath(root: unknown, segments: Segment[]): unknown {
  if (segments.length === 0 || root === null || typeof root !== "object") return root;
  const [head, ...rest] = segments as [Segment, ...Segment[]];
  if (Array.isArray(root)) {
    if ("key" in head) return root;
    return root.flatMap((item, i) => {
      const hit = "each" in head || head.index === i;
      if (!hit) return [item];
      return rest.length === 0 ? [] : [withoutPath(item, rest)];
    });
  }
  if (!("key" in head) || !(head.key in root)) return root;
  const copy = { ...(root as Record<string, unknown>) };
  if (rest.length === 0) delete copy[head.key];
  else copy[head.key] = withoutPath(copy[head.key], rest);
  return copy;
}
