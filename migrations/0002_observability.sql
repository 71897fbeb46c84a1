CREATE TABLE `connection_health` (
	`connection_id` text PRIMARY KEY NOT NULL,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notification_channels` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`url` text NOT NULL,
	`routing_key` text,
	`secret` text,
	`link_origin` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `issues` ADD `acknowledged_at` integer;--> statement-breakpoint
ALTER TABLE `issues` ADD `resolved_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `issues_unresolved_connection` ON `issues` (`connection_id`) WHERE status != 'resolved';--> statement-breakpoint
ALTER TABLE `replays` ADD `kind` text DEFAULT 'events' NOT NULL;--> statement-breakpoint
ALTER TABLE `replays` ADD `job_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `replays` ADD `failed` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `replays` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `provider_event_id` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `verification_type` text;--> statement-breakpoint
CREATE INDEX `requests_source_verified` ON `requests` (`source_id`,`verified`,`id`);--> statement-breakpoint
CREATE INDEX `requests_rejected` ON `requests` (`id`) WHERE rejection IS NOT NULL;--> statement-breakpoint
CREATE INDEX `requests_provider_event` ON `requests` (`provider_event_id`) WHERE provider_event_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `events_source_status` ON `events` (`source_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `events_connection_status` ON `events` (`connection_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `events_destination_status` ON `events` (`destination_id`,`status`,`id`);