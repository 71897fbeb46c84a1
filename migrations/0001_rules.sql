CREATE TABLE `dedupe_keys` (
	`connection_id` text NOT NULL,
	`key` text NOT NULL,
	`request_id` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dedupe_keys_pk` ON `dedupe_keys` (`connection_id`,`key`);--> statement-breakpoint
CREATE INDEX `dedupe_keys_expiry` ON `dedupe_keys` (`expires_at`);--> statement-breakpoint
CREATE TABLE `event_payloads` (
	`event_id` text PRIMARY KEY NOT NULL,
	`method` text NOT NULL,
	`path` text NOT NULL,
	`query` text NOT NULL,
	`headers` text NOT NULL,
	`body` blob,
	`body_size` integer NOT NULL,
	`body_chunks` integer DEFAULT 0 NOT NULL,
	`console` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `transformations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`env` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transformations_name_unique` ON `transformations` (`name`);