import type { z } from "zod";
import type { VerifyInput, VerifyResult } from "../types";

// The one interface every provider file implements: a zod schema for its config (whose `type`
// literal names it) and a verify function; providers with an endpoint handshake add `handshake`,
// which answers the provider's challenge or returns null when the request is not one.

export interface Verifier<S extends z.ZodObject = z.ZodObject> {
  readonly schema: S;
  verify(config: z.output<S>, input: VerifyInput): Promise<VerifyResult>;
  handshake?(config: z.output<S>, input: VerifyInput): Promise<Response | null>;
}

export const defineVerifier = <S extends z.ZodObject>(verifier: Verifier<S>): Verifier<S> => verifier;
