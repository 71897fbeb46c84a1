import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startGateway } from "../test/e2e/wrangler-dev";
import { API_TYPES_FILE, apiTypesFor } from "./api-types";

// `npm run api:types`: start the Worker under wrangler dev, read its /openapi.json, write the types.
const gateway = await startGateway();
try {
  const document = await (await fetch(`${gateway.url}/openapi.json`)).json();
  writeFileSync(join(ROOT, API_TYPES_FILE), await apiTypesFor(document));
  console.log(`wrote ${API_TYPES_FILE}`);
} finally {
  await gateway.stop();
}
