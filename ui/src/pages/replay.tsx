import { useRoute } from "preact-iso";
import { useEffect, useState } from "preact/hooks";
import { api, must } from "../api/client";
import { ProblemView } from "../components/problem";
import { time } from "../components/table";
import { useLoad } from "../components/use-load";
import { useCanWrite } from "../session";

/** How often a running replay's progress is read again. */
const PROGRESS_MS = 2_000;

export function ReplayPage() {
  const { params } = useRoute();
  const id = params.id!;
  const path = { params: { path: { id } } };
  const canWrite = useCanWrite();
  const { data: replay, error, reload } = useLoad(() => must(api.GET("/v1/replays/{id}", path)), [id]);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const running = replay?.status === "running";
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(reload, PROGRESS_MS);
    return () => clearInterval(timer);
  }, [running, reload]);
  const cancel = async () => {
    try {
      await must(api.POST("/v1/replays/{id}/cancel", path));
      reload();
    } catch (failure) {
      setActionError(failure);
    }
  };
  return (
    <>
      <h1>{id}</h1>
      <ProblemView error={error ?? actionError} />
      {replay && (
        <>
          <dl class="facts">
            <dt>Status</dt><dd>{replay.status}</dd>
            <dt>Query</dt><dd><code>{JSON.stringify(replay.query)}</code></dd>
            <dt>Started</dt><dd>{time(replay.created_at)}</dd>
            <dt>Completed</dt><dd>{time(replay.completed_at)}</dd>
          </dl>
          <label for="replay-progress">Progress: {replay.processed} of {replay.total}{replay.failed ? `, ${replay.failed} failed` : ""}</label>
          <progress id="replay-progress" max={Math.max(replay.total, 1)} value={replay.processed} />
          {canWrite && running && <div class="toolbar"><button type="button" onClick={cancel}>Cancel replay</button></div>}
        </>
      )}
    </>
  );
}
