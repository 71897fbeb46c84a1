-- Full-text index for search (docs/observability.md): every stored request's inline body (as UTF-8
-- text) and headers JSON, as trigrams, so that a substring search narrows to candidate rows without
-- reading every body. Contentless (the text stays in `requests` only) and `detail=column` (which
-- trigrams each column holds, not where) keep it small; queries check the real condition on the
-- candidates. Rows are keyed by the request's rowid.
--
-- A request is indexed when it is routed (routed_at goes from NULL to a time, once), or when it is
-- stored already rejected or already routed. Not at ingest: indexing costs about 0.1 ms per KB of
-- body, and the sender's answer waits only for the plain insert. The triggers keep the index in
-- step inside the statements that route, reject or delete a request.
CREATE VIRTUAL TABLE `request_text` USING fts5(body, headers, tokenize = 'trigram case_sensitive 1', detail = column, content = '', contentless_delete = 1);
--> statement-breakpoint
CREATE TRIGGER `requests_text_insert` AFTER INSERT ON `requests`
WHEN new.routed_at IS NOT NULL OR new.rejection IS NOT NULL BEGIN
  INSERT INTO `request_text` (rowid, body, headers) VALUES (new.rowid, CAST(new.body AS TEXT), new.headers);
END;
--> statement-breakpoint
CREATE TRIGGER `requests_text_routed` AFTER UPDATE OF `routed_at` ON `requests`
WHEN old.routed_at IS NULL AND new.routed_at IS NOT NULL AND new.rejection IS NULL BEGIN
  INSERT INTO `request_text` (rowid, body, headers) VALUES (new.rowid, CAST(new.body AS TEXT), new.headers);
END;
--> statement-breakpoint
CREATE TRIGGER `requests_text_delete` AFTER DELETE ON `requests` BEGIN
  DELETE FROM `request_text` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
-- Requests stored before this migration, routed or rejected (the others are indexed when routed).
INSERT INTO `request_text` (rowid, body, headers) SELECT rowid, CAST(body AS TEXT), headers FROM `requests`
WHERE routed_at IS NOT NULL OR rejection IS NOT NULL;
