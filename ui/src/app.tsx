import { ErrorBoundary, LocationProvider, Route, Router } from "preact-iso";
import { useEffect, useState } from "preact/hooks";
import { api, must } from "./api/client";
import { NAVIGATION, ROUTES } from "./routes";
import { SessionContext, type Session } from "./session";
import { SignIn } from "./sign-in";

// The app shell: asks GET /v1/session who is signed in; shows the sign-in form, or the navigation
// and the page the URL names (ROUTES).

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  useEffect(() => {
    must(api.GET("/v1/session")).then(setSession, () => setSession(null));
    // Any 401 (the session expired or was ended elsewhere) returns to the sign-in form.
    const ended = () => setSession(null);
    window.addEventListener("session-ended", ended);
    return () => window.removeEventListener("session-ended", ended);
  }, []);

  if (session === undefined) return null;
  if (session === null) return <SignIn onSignedIn={setSession} />;

  const signOut = async () => {
    await api.DELETE("/v1/session");
    setSession(null);
  };
  return (
    <SessionContext.Provider value={session}>
      <LocationProvider>
        <header class="top">
          <a class="brand" href="/">Event Gateway</a>
          <nav aria-label="Main">
            <ul>{NAVIGATION.map(([href, label]) => <li><a href={href}>{label}</a></li>)}</ul>
          </nav>
          <span class="who">{session.key_id} ({session.role})</span>
          <button type="button" onClick={signOut}>Sign out</button>
        </header>
        <main>
          <ErrorBoundary>
            <Router>{ROUTES.map(([path, Page]) => <Route path={path} component={Page} />)}</Router>
          </ErrorBoundary>
        </main>
      </LocationProvider>
    </SessionContext.Provider>
  );
}
