// A receiver in a process of its own, for benchmarks: its timestamps must not wait behind the
// event loop of the process that generates the load. Prints its URL on the first line of stdout.
import { startReceiver } from "./receiver";

const receiver = await startReceiver();
console.log(receiver.url);
process.on("SIGTERM", () => void receiver.close().then(() => process.exit(0)));
