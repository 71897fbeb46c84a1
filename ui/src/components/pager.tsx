import { useLocation } from "preact-iso";

/** Cursor paging over the API's `next_cursor`: the cursor lives in the URL, so Back goes back a page. */
export function Pager({ nextCursor }: { nextCursor: string | null | undefined }) {
  const { path, query } = useLocation();
  const withCursor = (cursor?: string) => {
    const params = new URLSearchParams(query);
    if (cursor) params.set("cursor", cursor);
    else params.delete("cursor");
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
  return (
    <nav aria-label="Pages" class="pager">
      {query.cursor && <a href={withCursor()}>First page</a>}
      {nextCursor && <a href={withCursor(nextCursor)}>Next page</a>}
    </nav>
  );
}
