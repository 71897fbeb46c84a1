CREATE TABLE `attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`number` integer NOT NULL,
	`trigger` text NOT NULL,
	`url` text NOT NULL,
	`status_code` integer,
	`error` text,
	`error_detail` text,
	`response_headers` text NOT NULL,
	`response_body` text,
	`duration_ms` integer NOT NULL,
	`started_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempts_event_number` ON `attempts` (`event_id`,`number`);--> statement-breakpoint
CREATE TABLE `connections` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`source_id` text NOT NULL,
	`destination_id` text NOT NULL,
	`rules` text NOT NULL,
	`paused_at` integer,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`destination_id`) REFERENCES `destinations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `connections_source_name` ON `connections` (`source_id`,`name`);--> statement-breakpoint
CREATE INDEX `connections_destination` ON `connections` (`destination_id`);--> statement-breakpoint
CREATE TABLE `destinations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`http_method` text NOT NULL,
	`headers` text NOT NULL,
	`auth` text,
	`signing` text,
	`rate_limit` text,
	`max_concurrency` integer,
	`delivery_order` text NOT NULL,
	`timeout_ms` integer NOT NULL,
	`paused_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `destinations_name_unique` ON `destinations` (`name`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`source_id` text NOT NULL,
	`destination_id` text NOT NULL,
	`status` text NOT NULL,
	`attempts_count` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_attempt_at` integer,
	`last_response_status` integer,
	`lease_until` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_request_connection` ON `events` (`request_id`,`connection_id`);--> statement-breakpoint
CREATE INDEX `events_status` ON `events` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `events_source` ON `events` (`source_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_connection` ON `events` (`connection_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_destination` ON `events` (`destination_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_due` ON `events` (`next_attempt_at`) WHERE status = 'scheduled';--> statement-breakpoint
CREATE TABLE `issues` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` text NOT NULL,
	`destination_id` text NOT NULL,
	`status` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`last_attempt_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `issues_connection` ON `issues` (`connection_id`,`status`);--> statement-breakpoint
CREATE TABLE `replays` (
	`id` text PRIMARY KEY NOT NULL,
	`query` text NOT NULL,
	`status` text NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`processed` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE TABLE `request_body_chunks` (
	`request_id` text NOT NULL,
	`seq` integer NOT NULL,
	`data` blob NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `request_body_chunks_pk` ON `request_body_chunks` (`request_id`,`seq`);--> statement-breakpoint
CREATE TABLE `requests` (
	`id` text PRIMARY KEY NOT NULL,
	`source_id` text NOT NULL,
	`received_at` integer NOT NULL,
	`method` text NOT NULL,
	`path` text NOT NULL,
	`query` text NOT NULL,
	`headers` text NOT NULL,
	`body` blob,
	`body_size` integer NOT NULL,
	`body_chunks` integer DEFAULT 0 NOT NULL,
	`verified` integer NOT NULL,
	`rejection` text,
	`rejection_detail` text,
	`events_count` integer DEFAULT 0 NOT NULL,
	`ignored` text DEFAULT '[]' NOT NULL,
	`routed_at` integer,
	`enqueued_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `requests_source` ON `requests` (`source_id`,`id`);--> statement-breakpoint
CREATE INDEX `requests_unrouted` ON `requests` (`enqueued_at`) WHERE routed_at IS NULL AND rejection IS NULL;--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`allowed_methods` text NOT NULL,
	`verification` text,
	`response` text,
	`disabled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_name_unique` ON `sources` (`name`);