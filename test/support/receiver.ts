import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A programmable HTTP destination on 127.0.0.1 for tests: it records what it receives per key and
// answers as the path says.
//   /ok/<key>                 200
//   /seq/<c1,c2,...>/<key>    the n-th request gets the n-th code (the last one repeats)
//   /hang/<key>               never answers
//   /slow/<ms>/<key>          answers 200 after <ms>
//   /redirect/<n>/<key>       302 to /redirect/<n-1>/<key>, then 200 at 0
//   /redirect-to/<url>/<key>  307 to <url> (URI-encoded, absolute or relative), with the query received
//   /throttle/<s>/<key>       the first request gets 429 with Retry-After: <s>, later ones 200
//   /records/<key>            (GET) what <key> received, as JSON
//   /stats                    (GET) the most requests it has had in flight at once
// Segments after <key> are ignored (they are the gateway's forwarded sub-path).

export interface ReceivedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body_base64: string | null;
  body_size: number;
  body_sha256: string;
  at: number;
}

export interface Receiver {
  url: string;
  port: number;
  records: Map<string, ReceivedRequest[]>;
  inFlight: { now: number; max: number };
  close(): Promise<void>;
}

const BODY_KEEP_LIMIT = 256 * 1024;

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of req) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

export async function startReceiver(port = 0): Promise<Receiver> {
  const records = new Map<string, ReceivedRequest[]>();
  const inFlight = { now: 0, max: 0 };
  const hanging = new Set<() => void>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const parts = url.pathname.split("/").filter(Boolean);
    if (req.method === "GET" && parts[0] === "stats") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ max_in_flight: inFlight.max }));
      return;
    }
    if (req.method === "GET" && parts[0] === "records") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(records.get(parts[1] ?? "") ?? []));
      return;
    }
    inFlight.now++;
    inFlight.max = Math.max(inFlight.max, inFlight.now);
    const body = await readAll(req);
    // The key follows the route's own segments; anything after it is a forwarded sub-path.
    const keyAt = parts[0] === "ok" || parts[0] === "hang" ? 1 : 2;
    const key = parts[keyAt] ?? "other";
    const list = records.get(key) ?? [];
    records.set(key, list);
    list.push({
      method: req.method ?? "",
      path: url.pathname,
      query: url.search.replace(/^\?/, ""),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")])),
      body_base64: body.length <= BODY_KEEP_LIMIT ? body.toString("base64") : null,
      body_size: body.length,
      body_sha256: createHash("sha256").update(body).digest("hex"),
      at: Date.now(),
    });
    const done = (status: number, text = "ok", headers: Record<string, string> = {}) => {
      inFlight.now--;
      res.writeHead(status, { "content-type": "text/plain", ...headers });
      res.end(text);
    };
    switch (parts[0]) {
      case "seq": {
        const codes = (parts[1] ?? "200").split(",").map(Number);
        const code = codes[Math.min(list.length - 1, codes.length - 1)]!;
        return done(code, `answer ${list.length}: ${code}`);
      }
      case "hang": {
        const release = () => { inFlight.now--; res.destroy(); };
        hanging.add(release);
        req.on("close", () => hanging.delete(release));
        return;
      }
      case "throttle":
        return list.length === 1 ? done(429, "slow down", { "retry-after": parts[1] ?? "1" }) : done(200);
      case "slow":
        setTimeout(() => done(200), Number(parts[1] ?? 1000));
        return;
      case "redirect-to":
        return done(307, "moved", { location: decodeURIComponent(parts[1] ?? "/") + url.search });
      case "redirect": {
        const n = Number(parts[1] ?? 0);
        if (n <= 0) return done(200, "arrived");
        return done(302, "moved", { location: `/redirect/${n - 1}/${key}` });
      }
      default:
        return done(200);
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    records,
    inFlight,
    close: async () => {
      for (const release of hanging) release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
