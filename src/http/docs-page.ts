import type { Context } from "hono";

// GET /docs (spec §3): swagger-ui rendering /openapi.json. Its script and styles are served from
// this Worker's static assets (/swagger/, copied from swagger-ui-dist by the UI build), never from a
// CDN, so the docs work where no CDN is reachable. The page has no inline script: the CSP forbids it.
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Event Gateway admin API</title>
<link rel="stylesheet" href="/swagger/swagger-ui.css">
</head>
<body>
<main id="swagger-ui"></main>
<script src="/swagger/swagger-ui-bundle.js"></script>
<script src="/swagger/init.js"></script>
</body>
</html>
`;

// swagger-ui writes style attributes, hence 'unsafe-inline' for styles only; scripts stay 'self'.
const DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export const docsPage = (c: Context) => c.html(page, 200, { "content-security-policy": DOCS_CSP });
