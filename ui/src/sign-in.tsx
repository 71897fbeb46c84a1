import { useState } from "preact/hooks";
import { api, must } from "./api/client";
import { ProblemView } from "./components/problem";
import type { Session } from "./session";

/**
 * Sign in with an API key: it is sent once, as a bearer token, to POST /v1/session, which answers
 * an HttpOnly session cookie. The key is not stored anywhere in the browser.
 */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [error, setError] = useState<unknown>(undefined);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const key = String(new FormData(form).get("key") ?? "").trim();
    form.reset();
    try {
      onSignedIn(await must(api.POST("/v1/session", { headers: { authorization: `Bearer ${key}` } })));
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <main class="sign-in">
      <h1>Event Gateway</h1>
      <form onSubmit={submit}>
        <label for="api-key">API key</label>
        <input id="api-key" name="key" type="password" autocomplete="off" required />
        <button type="submit">Sign in</button>
      </form>
      <ProblemView error={error} />
    </main>
  );
}
