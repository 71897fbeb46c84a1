import { useCallback, useEffect, useState } from "preact/hooks";

/** Loads data for a page; reloads when `deps` change or on `reload()`. Keeps the last data while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && (setData(() => value), setError(undefined)),
      (failure) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload };
}
