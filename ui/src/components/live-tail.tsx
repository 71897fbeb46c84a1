import { useEffect, useState } from "preact/hooks";

/** How often the live tail refreshes a list (the anchors use 5 s). */
const TAIL_MS = 5_000;

/** A "Live tail" toggle: while on, `refresh` runs every 5 s; the list keeps its rows in between. */
export function LiveTail({ refresh }: { refresh: () => void }) {
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(refresh, TAIL_MS);
    return () => clearInterval(timer);
  }, [on, refresh]);
  return (
    <label class="toggle">
      <input type="checkbox" checked={on} onChange={(e) => setOn((e.currentTarget as HTMLInputElement).checked)} /> Live tail
    </label>
  );
}
