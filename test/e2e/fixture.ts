import { afterAll, beforeAll } from "vitest";
import { startReceiver, type Receiver } from "../support/receiver";
import { startGateway, type Gateway } from "./wrangler-dev";

/** A gateway under wrangler dev and a receiver on 127.0.0.1 for the test file, stopped after it. */
export function gatewayAndReceiver() {
  const e2e = {} as { gateway: Gateway; receiver: Receiver };
  beforeAll(async () => {
    [e2e.gateway, e2e.receiver] = await Promise.all([startGateway(), startReceiver()]);
  });
  afterAll(async () => {
    await Promise.all([e2e.gateway?.stop(), e2e.receiver?.close()]);
  });
  return e2e;
}
