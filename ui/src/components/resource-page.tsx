import type { ComponentChildren } from "preact";
import { useLocation } from "preact-iso";
import { useState } from "preact/hooks";
import { useCanWrite } from "../session";
import { Pager } from "./pager";
import { ProblemView } from "./problem";
import { ResourceForm, type FieldDef } from "./resource-form";
import { Table, type Column } from "./table";
import { useLoad } from "./use-load";

// A configuration page (sources, destinations, connections, …): a paged table, a "New …" form,
// and Edit and Delete on each row. Write controls appear only for a session that may write.

type Row = { id: string; name?: string } & Record<string, unknown>;

export interface ResourceSpec<T extends Row> {
  title: string;
  /** What one is called, for "New source", "Edit source …". */
  noun: string;
  columns: Column<T>[];
  fields: FieldDef[];
  list: (cursor: string | undefined) => Promise<{ data: T[]; next_cursor: string | null }>;
  create: (body: Record<string, unknown>) => Promise<T>;
  update: (id: string, body: Record<string, unknown>) => Promise<T>;
  remove: (id: string) => Promise<unknown>;
  /** More buttons for a row (pause, say); `run` shows a failure and reloads the list after. */
  rowActions?: (row: T, run: (action: () => Promise<unknown>) => void) => ComponentChildren;
  /** Shown after a create (a source's ingest URL, say). */
  created?: (row: T) => ComponentChildren;
  /** Extra controls inside the form (try a filter, run a transformation). */
  formExtra?: (read: () => Record<string, unknown>) => ComponentChildren;
  intro?: ComponentChildren;
  /** The form's values for an existing row, when they differ from the row as listed. */
  formValues?: (row: T) => Record<string, unknown>;
}

export function ResourcePage<T extends Row>({ spec }: { spec: ResourceSpec<T> }) {
  const { query } = useLocation();
  const canWrite = useCanWrite();
  const { data, error, reload } = useLoad(() => spec.list(query.cursor), [query.cursor]);
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const [created, setCreated] = useState<T | null>(null);
  const [actionError, setActionError] = useState<unknown>(undefined);

  const act = (action: () => Promise<unknown>) => async () => {
    setActionError(undefined);
    try {
      await action();
      reload();
    } catch (failure) {
      setActionError(failure);
    }
  };
  const remove = (row: T) => act(async () => {
    if (confirm(`Delete ${spec.noun} ${row.name ?? row.id}?`)) await spec.remove(row.id);
  });
  const submit = async (body: Record<string, unknown>) => {
    if (editing === "new") setCreated(await spec.create(body));
    else await spec.update(editing!.id, body);
    setEditing(null);
    reload();
  };

  const columns: Column<T>[] = canWrite
    ? [...spec.columns, { header: "Actions", cell: (row) => (
        <div class="row-actions">
          {spec.rowActions?.(row, (action) => act(action)())}
          <button type="button" onClick={() => setEditing(row)} aria-label={`Edit ${row.name ?? row.id}`}>Edit</button>
          <button type="button" onClick={remove(row)} aria-label={`Delete ${row.name ?? row.id}`}>Delete</button>
        </div>
      ) }]
    : spec.columns;

  return (
    <>
      <h1>{spec.title}</h1>
      {spec.intro}
      {canWrite && editing === null && <button type="button" onClick={() => { setCreated(null); setEditing("new"); }}>New {spec.noun}</button>}
      {editing !== null && (
        <ResourceForm
          key={editing === "new" ? "new" : editing.id}
          title={editing === "new" ? `New ${spec.noun}` : `Edit ${spec.noun} ${editing.name ?? editing.id}`}
          fields={spec.fields}
          initial={editing === "new" ? undefined : (spec.formValues?.(editing) ?? editing)}
          submitLabel={editing === "new" ? "Create" : "Save"}
          onSubmit={submit}
          onCancel={() => setEditing(null)}
          extra={spec.formExtra}
        />
      )}
      {created && spec.created && <section aria-label={`Created ${spec.noun}`} class="created">{spec.created(created)}</section>}
      <ProblemView error={error ?? actionError} />
      {data && <Table caption={spec.title} columns={columns} rows={data.data} />}
      <Pager nextCursor={data?.next_cursor} />
    </>
  );
}
