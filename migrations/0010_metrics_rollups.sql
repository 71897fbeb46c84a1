-- Metrics rollups (docs/observability.md § Metrics, How the figures are kept). One row per time
-- bucket and (source, connection, destination): requests, events by status, attempts by outcome and
-- a latency histogram in fixed buckets. Every column is a sum (the largest latency, a maximum), so
-- rows merge by adding them.
--
-- The triggers below keep the rows inside the very statement that writes the request, event or
-- attempt: the count and the row it counts commit together or not at all, so a crash can neither
-- lose a count nor add one twice. Each trigger adds its delta to three rows, the minute's, the five
-- minutes' and the hour's that hold the time it counts under (created by the upsert if missing), so
-- that every granularity reads few rows: a day by the five minutes reads 288 per key, not 1,440.
-- Each grain is complete on its own; the cron drops minutes after hours and five minutes after a
-- day, and folds hours into days after eight (src/observability/metrics/fold-rollups.ts).
--
-- `grain` is the bucket's length in ms (60000, 300000, 3600000 or 86400000; 0 for the lifetime row
-- retention folds into) and `bucket` its start in ms since the epoch. Requests know only their
-- source: their rows have connection_id = destination_id = ''. Latency buckets are upper bounds in
-- ms (le): 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000 and above (lat_inf); attempts that
-- timed no request (error `interrupted` or `dead_lettered`) are counted but have no latency.
-- WITHOUT ROWID: rows are stored in key order, so a window is one sequential range read.
CREATE TABLE `metric_rollups` (
	`grain` integer NOT NULL,
	`bucket` integer NOT NULL,
	`source_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`destination_id` text NOT NULL,
	`requests_accepted` integer DEFAULT 0 NOT NULL,
	`requests_rejected` integer DEFAULT 0 NOT NULL,
	`events_scheduled` integer DEFAULT 0 NOT NULL,
	`events_paused` integer DEFAULT 0 NOT NULL,
	`events_successful` integer DEFAULT 0 NOT NULL,
	`events_failed` integer DEFAULT 0 NOT NULL,
	`events_cancelled` integer DEFAULT 0 NOT NULL,
	`attempts_successful` integer DEFAULT 0 NOT NULL,
	`attempts_http_error` integer DEFAULT 0 NOT NULL,
	`attempts_no_response` integer DEFAULT 0 NOT NULL,
	`lat_25` integer DEFAULT 0 NOT NULL,
	`lat_50` integer DEFAULT 0 NOT NULL,
	`lat_100` integer DEFAULT 0 NOT NULL,
	`lat_250` integer DEFAULT 0 NOT NULL,
	`lat_500` integer DEFAULT 0 NOT NULL,
	`lat_1000` integer DEFAULT 0 NOT NULL,
	`lat_2500` integer DEFAULT 0 NOT NULL,
	`lat_5000` integer DEFAULT 0 NOT NULL,
	`lat_10000` integer DEFAULT 0 NOT NULL,
	`lat_30000` integer DEFAULT 0 NOT NULL,
	`lat_inf` integer DEFAULT 0 NOT NULL,
	`latency_sum_ms` integer DEFAULT 0 NOT NULL,
	`latency_max_ms` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY (`grain`, `bucket`, `source_id`, `connection_id`, `destination_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Days the nightly reconcile has checked (src/observability/metrics/reconcile.ts).
CREATE TABLE `metric_reconciles` (
	`day` integer PRIMARY KEY NOT NULL,
	`mismatched` integer NOT NULL,
	`checked_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `metric_requests_insert` AFTER INSERT ON `requests` BEGIN
  INSERT INTO `metric_rollups` (grain, bucket, source_id, connection_id, destination_id, requests_accepted, requests_rejected)
  SELECT g.column1, new.received_at / g.column1 * g.column1, new.source_id, '', '', new.rejection IS NULL, new.rejection IS NOT NULL
  FROM (VALUES (60000), (300000), (3600000)) g WHERE true
  ON CONFLICT (grain, bucket, source_id, connection_id, destination_id) DO UPDATE SET
    requests_accepted = requests_accepted + excluded.requests_accepted,
    requests_rejected = requests_rejected + excluded.requests_rejected;
END;
--> statement-breakpoint
CREATE TRIGGER `metric_events_insert` AFTER INSERT ON `events` BEGIN
  INSERT INTO `metric_rollups` (grain, bucket, source_id, connection_id, destination_id,
    events_scheduled, events_paused, events_successful, events_failed, events_cancelled)
  SELECT g.column1, new.created_at / g.column1 * g.column1, new.source_id, new.connection_id, new.destination_id,
    new.status = 'scheduled', new.status = 'paused', new.status = 'successful', new.status = 'failed', new.status = 'cancelled'
  FROM (VALUES (60000), (300000), (3600000)) g WHERE true
  ON CONFLICT (grain, bucket, source_id, connection_id, destination_id) DO UPDATE SET
    events_scheduled = events_scheduled + excluded.events_scheduled,
    events_paused = events_paused + excluded.events_paused,
    events_successful = events_successful + excluded.events_successful,
    events_failed = events_failed + excluded.events_failed,
    events_cancelled = events_cancelled + excluded.events_cancelled;
END;
--> statement-breakpoint
-- An event is counted under its creation time by its status now: a status change moves one count
-- from the old status to the new one, in the buckets of that same time.
CREATE TRIGGER `metric_events_status` AFTER UPDATE OF `status` ON `events` WHEN old.status IS NOT new.status BEGIN
  INSERT INTO `metric_rollups` (grain, bucket, source_id, connection_id, destination_id,
    events_scheduled, events_paused, events_successful, events_failed, events_cancelled)
  SELECT g.column1, old.created_at / g.column1 * g.column1, old.source_id, old.connection_id, old.destination_id,
    (new.status = 'scheduled') - (old.status = 'scheduled'), (new.status = 'paused') - (old.status = 'paused'),
    (new.status = 'successful') - (old.status = 'successful'), (new.status = 'failed') - (old.status = 'failed'),
    (new.status = 'cancelled') - (old.status = 'cancelled')
  FROM (VALUES (60000), (300000), (3600000)) g WHERE true
  ON CONFLICT (grain, bucket, source_id, connection_id, destination_id) DO UPDATE SET
    events_scheduled = events_scheduled + excluded.events_scheduled,
    events_paused = events_paused + excluded.events_paused,
    events_successful = events_successful + excluded.events_successful,
    events_failed = events_failed + excluded.events_failed,
    events_cancelled = events_cancelled + excluded.events_cancelled;
END;
--> statement-breakpoint
CREATE TRIGGER `metric_attempts_insert` AFTER INSERT ON `attempts` BEGIN
  INSERT INTO `metric_rollups` (grain, bucket, source_id, connection_id, destination_id,
    attempts_successful, attempts_http_error, attempts_no_response,
    lat_25, lat_50, lat_100, lat_250, lat_500, lat_1000, lat_2500, lat_5000, lat_10000, lat_30000, lat_inf, latency_sum_ms, latency_max_ms)
  SELECT g.column1, new.started_at / g.column1 * g.column1, e.source_id, e.connection_id, e.destination_id,
    coalesce(new.status_code BETWEEN 200 AND 299, 0), coalesce(new.status_code NOT BETWEEN 200 AND 299, 0), new.status_code IS NULL,
    t.timed AND d <= 25, t.timed AND d > 25 AND d <= 50, t.timed AND d > 50 AND d <= 100, t.timed AND d > 100 AND d <= 250,
    t.timed AND d > 250 AND d <= 500, t.timed AND d > 500 AND d <= 1000, t.timed AND d > 1000 AND d <= 2500,
    t.timed AND d > 2500 AND d <= 5000, t.timed AND d > 5000 AND d <= 10000, t.timed AND d > 10000 AND d <= 30000,
    t.timed AND d > 30000, CASE WHEN t.timed THEN d ELSE 0 END, CASE WHEN t.timed THEN d ELSE 0 END
  FROM `events` e, (SELECT coalesce(new.error, '') NOT IN ('interrupted', 'dead_lettered') AS timed, new.duration_ms AS d) t,
    (VALUES (60000), (300000), (3600000)) g
  WHERE e.id = new.event_id
  ON CONFLICT (grain, bucket, source_id, connection_id, destination_id) DO UPDATE SET
    attempts_successful = attempts_successful + excluded.attempts_successful,
    attempts_http_error = attempts_http_error + excluded.attempts_http_error,
    attempts_no_response = attempts_no_response + excluded.attempts_no_response,
    lat_25 = lat_25 + excluded.lat_25, lat_50 = lat_50 + excluded.lat_50, lat_100 = lat_100 + excluded.lat_100,
    lat_250 = lat_250 + excluded.lat_250, lat_500 = lat_500 + excluded.lat_500, lat_1000 = lat_1000 + excluded.lat_1000,
    lat_2500 = lat_2500 + excluded.lat_2500, lat_5000 = lat_5000 + excluded.lat_5000, lat_10000 = lat_10000 + excluded.lat_10000,
    lat_30000 = lat_30000 + excluded.lat_30000, lat_inf = lat_inf + excluded.lat_inf,
    latency_sum_ms = latency_sum_ms + excluded.latency_sum_ms, latency_max_ms = max(latency_max_ms, excluded.latency_max_ms);
END;
--> statement-breakpoint
-- Backfill from the rows already stored: by the hour, and by the minute and five minutes for the
-- spans the cron keeps them (7 and 25 hours); the cron folds old hours into days. The same sums as
-- src/observability/metrics/rebuild.ts.
INSERT INTO `metric_rollups` (grain, bucket, source_id, connection_id, destination_id,
  requests_accepted, requests_rejected, events_scheduled, events_paused, events_successful, events_failed, events_cancelled,
  attempts_successful, attempts_http_error, attempts_no_response,
  lat_25, lat_50, lat_100, lat_250, lat_500, lat_1000, lat_2500, lat_5000, lat_10000, lat_30000, lat_inf, latency_sum_ms, latency_max_ms)
SELECT g, at / g * g, s, c, d,
  sum(ra), sum(rr), sum(es), sum(ep), sum(esu), sum(ef), sum(ec), sum(aok), sum(aerr), sum(anone),
  sum(timed AND ms <= 25), sum(timed AND ms > 25 AND ms <= 50), sum(timed AND ms > 50 AND ms <= 100),
  sum(timed AND ms > 100 AND ms <= 250), sum(timed AND ms > 250 AND ms <= 500), sum(timed AND ms > 500 AND ms <= 1000),
  sum(timed AND ms > 1000 AND ms <= 2500), sum(timed AND ms > 2500 AND ms <= 5000), sum(timed AND ms > 5000 AND ms <= 10000),
  sum(timed AND ms > 10000 AND ms <= 30000), sum(timed AND ms > 30000),
  sum(CASE WHEN timed THEN ms ELSE 0 END), max(CASE WHEN timed THEN ms ELSE 0 END)
FROM (
  SELECT r.*, g.column1 AS g FROM (VALUES (60000, 25200000), (300000, 90000000), (3600000, NULL)) g JOIN (
    SELECT received_at AS at, source_id AS s, '' AS c, '' AS d, rejection IS NULL AS ra, rejection IS NOT NULL AS rr,
      0 AS es, 0 AS ep, 0 AS esu, 0 AS ef, 0 AS ec, 0 AS aok, 0 AS aerr, 0 AS anone, 0 AS ms, 0 AS timed
    FROM `requests`
    UNION ALL
    SELECT created_at, source_id, connection_id, destination_id, 0, 0,
      status = 'scheduled', status = 'paused', status = 'successful', status = 'failed', status = 'cancelled', 0, 0, 0, 0, 0
    FROM `events`
    UNION ALL
    SELECT t.started_at, e.source_id, e.connection_id, e.destination_id, 0, 0, 0, 0, 0, 0, 0,
      coalesce(t.status_code BETWEEN 200 AND 299, 0), coalesce(t.status_code NOT BETWEEN 200 AND 299, 0), t.status_code IS NULL,
      t.duration_ms, coalesce(t.error, '') NOT IN ('interrupted', 'dead_lettered')
    FROM `attempts` t JOIN `events` e ON e.id = t.event_id
  ) r ON g.column2 IS NULL OR r.at >= CAST(strftime('%s', 'now') AS INTEGER) * 1000 - g.column2
)
GROUP BY 1, 2, 3, 4, 5;
