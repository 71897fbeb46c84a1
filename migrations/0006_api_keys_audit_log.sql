-- API keys with roles and the audit log (spec §8, docs/security.md). Only a SHA-256 hash of each
-- key is stored; the key itself is shown once, when it is created.
CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`expires_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash` ON `api_keys` (`key_hash`);
--> statement-breakpoint
-- One row per change attempted through /v1: who (key id), what (method, route pattern, object id,
-- answer status), when. Never a body or a secret.
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`key_id` text NOT NULL,
	`method` text NOT NULL,
	`route` text NOT NULL,
	`object_id` text,
	`status` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_key` ON `audit_log` (`key_id`,`id`);
--> statement-breakpoint
CREATE INDEX `audit_log_object` ON `audit_log` (`object_id`,`id`) WHERE object_id IS NOT NULL;
