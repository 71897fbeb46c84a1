export function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p><a href="/events">Go to the events</a></p>
    </>
  );
}
