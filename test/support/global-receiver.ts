import type { TestProject } from "vitest/node";
import { startReceiver } from "./receiver";

// Vitest global setup for the workers project: one receiver for all test files, whose URL the
// tests read with inject("receiverUrl").
declare module "vitest" {
  export interface ProvidedContext {
    receiverUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const receiver = await startReceiver();
  project.provide("receiverUrl", receiver.url);
  return () => receiver.close();
}
