// Shares one invocation's outbound connections between destinations. Workers allow 6 open
// connections per invocation; if every slot could go to one slow destination, a batch holding
// events for a healthy one would wait for the slow one's timeouts. Each destination therefore gets
// at most an equal share of the slots (at least one), and the invocation never exceeds the total.

export const MAX_OPEN_CONNECTIONS = 6;

export function fairLimiter(destinationIds: string[], total = MAX_OPEN_CONNECTIONS) {
  const distinct = new Set(destinationIds).size || 1;
  const perDestination = Math.max(1, Math.floor(total / distinct));
  let inFlight = 0;
  const perInFlight = new Map<string, number>();
  const waiting: { destinationId: string; start: () => void }[] = [];

  const canStart = (id: string) => inFlight < total && (perInFlight.get(id) ?? 0) < perDestination;
  const start = (id: string) => {
    inFlight++;
    perInFlight.set(id, (perInFlight.get(id) ?? 0) + 1);
  };
  const release = (id: string) => {
    inFlight--;
    perInFlight.set(id, (perInFlight.get(id) ?? 1) - 1);
    const next = waiting.findIndex((w) => canStart(w.destinationId));
    if (next >= 0) {
      const waiter = waiting.splice(next, 1)[0]!;
      // The slot is taken here, not when the waiter resumes, so no other task can slip into it.
      start(waiter.destinationId);
      waiter.start();
    }
  };

  return async function run<T>(destinationId: string, task: () => Promise<T>): Promise<T> {
    if (canStart(destinationId)) start(destinationId);
    else await new Promise<void>((resolve) => waiting.push({ destinationId, start: resolve }));
    try {
      return await task();
    } finally {
      release(destinationId);
    }
  };
}
