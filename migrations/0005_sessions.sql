-- Dashboard sessions (spec §8, §9): an API key is exchanged for a random session id kept in an
-- HttpOnly cookie. Only the id's SHA-256 is stored, so a leaked table opens no session.
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`key_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_expires` ON `sessions` (`expires_at`);
--> statement-breakpoint
CREATE INDEX `sessions_key` ON `sessions` (`key_id`);
