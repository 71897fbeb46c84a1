// Starts swagger-ui on /openapi.json (loaded by /docs; a file, not an inline script, for the CSP).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
