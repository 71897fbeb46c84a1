// The least an ingest endpoint that keeps its promise can do: one D1 insert, one queue send, then
// answer. `/plain` answers at once, for the cost of the HTTP path alone.
interface Env {
  DB: D1Database;
  QUEUE: Queue<{ id: string }>;
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (pathname === "/plain") return new Response("ok");
    if (pathname === "/openapi.json") return Response.json({ ready: true });
    const id = crypto.randomUUID();
    const body = new Uint8Array(await request.arrayBuffer());
    await env.DB.prepare("INSERT INTO requests (id, received_at, headers, body) VALUES (?, ?, ?, ?)")
      .bind(id, Date.now(), JSON.stringify(Object.fromEntries(request.headers)), body)
      .run();
    await env.QUEUE.send({ id });
    return Response.json({ request_id: id });
  },
  async queue(batch) {
    batch.ackAll();
  },
} satisfies ExportedHandler<Env, { id: string }>;
