// Body paths in search parameters (`?body.data.object.id=pi_123`): dot-separated keys with optional
// array indexes (`items[0].sku`), turned into SQLite's JSON path (`$."data"."object"."id"`). Keys are
// quoted in the SQLite path so that keys with dashes or leading digits work; SQLite has no escape
// inside a quoted key, so a key may not contain a double quote.

const MAX_PATH_LENGTH = 256;
const MAX_DEPTH = 32;
const SEGMENT = /^([^.[\]"]+)((?:\[\d{1,6}\])*)$/;

export type BodyPath = { ok: true; sqlitePath: string } | { ok: false; message: string };

/** Parses the part after `body.`. */
export function parseBodyPath(path: string): BodyPath {
  if (path.length === 0) return { ok: false, message: "name a field after `body.`" };
  if (path.length > MAX_PATH_LENGTH) return { ok: false, message: `a path has at most ${MAX_PATH_LENGTH} characters` };
  const segments = path.split(".");
  if (segments.length > MAX_DEPTH) return { ok: false, message: `a path has at most ${MAX_DEPTH} levels` };
  let sqlitePath = "$";
  for (const segment of segments) {
    if (segment === "") return { ok: false, message: "empty key in the path (two dots in a row, or a dot at an end)" };
    if (segment.includes("[*]")) return { ok: false, message: "wildcards are not supported in search paths; name an index such as [0]" };
    const match = SEGMENT.exec(segment);
    if (!match) return { ok: false, message: `"${segment}" is not a key with optional [n] indexes (keys cannot hold '"', '[' or ']')` };
    sqlitePath += `."${match[1]}"${match[2]}`;
  }
  return { ok: true, sqlitePath };
}
