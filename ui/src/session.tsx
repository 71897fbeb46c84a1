import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Schemas } from "./api/client";

// Who is signed in, from GET /v1/session: the one place the UI learns its role. A `read` session
// sees every page and no button that would change state (spec §8, §9).

export type Session = Schemas["Session"];

export const SessionContext = createContext<Session | null>(null);

/** True when the signed-in key may change state; pages render write buttons only then. */
export function useCanWrite(): boolean {
  return useContext(SessionContext)?.role === "admin";
}
