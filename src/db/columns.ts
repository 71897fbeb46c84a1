import { integer, text } from "drizzle-orm/sqlite-core";

// Column kinds every schema file shares: JSON text validated by zod before it is written, and
// timestamps as integer milliseconds since the epoch.
export const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();
export const ms = (name: string) => integer(name);
