-- Full-text index for search (docs/observability.md): every stored request's inline body (as UTF-8
-- text) and headers JSON, as trigrams, so that a substring search narrows to candidate rows without
-- reading every body. Contentless (the text stays in `requests` only) and `detail=column` (which
-- trigrams each column holds, not where) keep it small; queries check the real condition on the
-- candidates. Rows are keyed by the request's rowid. The triggers keep it in step within the same
-- statement, so ingest still writes once.
CREATE VIRTUAL TABLE `request_text` USING fts5(body, headers, tokenize = 'trigram case_sensitive 1', detail = column, content = '', contentless_delete = 1);
--> statement-breakpoint
CREATE TRIGGER `requests_text_insert` AFTER INSERT ON `requests` BEGIN
  INSERT INTO `request_text` (rowid, body, headers) VALUES (new.rowid, CAST(new.body AS TEXT), new.headers);
END;
--> statement-breakpoint
CREATE TRIGGER `requests_text_delete` AFTER DELETE ON `requests` BEGIN
  DELETE FROM `request_text` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
-- Requests stored before this migration.
INSERT INTO `request_text` (rowid, body, headers) SELECT rowid, CAST(body AS TEXT), headers FROM `requests`;
