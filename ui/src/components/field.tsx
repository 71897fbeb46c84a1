import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";
import { fieldError } from "./problem";

interface FieldProps {
  label: string;
  /** The API field whose errors are shown here (`errors[].path`). */
  path: string;
  error: unknown;
  hint?: string;
  /** Renders the control, given the attributes that tie it to its label and error. */
  children: (control: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ComponentChildren;
}

/** A labelled form control with the API's validation message for its field shown beside it. */
export function Field({ label, path, error, hint, children }: FieldProps) {
  const id = useId();
  const message = fieldError(error, path);
  const described = [hint && `${id}-hint`, message && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({ id, name: path, "aria-invalid": Boolean(message), "aria-describedby": described })}
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {message && <span id={`${id}-error`} class="field-error">{message}</span>}
    </div>
  );
}
