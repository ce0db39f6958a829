CREATE TABLE `character_animations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`character_id` integer NOT NULL,
	`state_id` integer,
	`action` text NOT NULL,
	`direction` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`batch_id` integer,
	`frames` text NOT NULL,
	`durations_ms` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`state_id`) REFERENCES `character_states`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `character_animations_character_idx` ON `character_animations` (`character_id`,`id`);--> statement-breakpoint
CREATE TABLE `character_states` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`character_id` integer NOT NULL,
	`name` text NOT NULL,
	`prompt` text NOT NULL,
	`seed` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`facings` text NOT NULL,
	`facing_batch_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`character_id`) REFERENCES `characters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `character_states_character_idx` ON `character_states` (`character_id`,`id`);--> statement-breakpoint
CREATE TABLE `characters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`prompt` text NOT NULL,
	`model` text NOT NULL,
	`seed` integer NOT NULL,
	`size` integer NOT NULL,
	`view` text NOT NULL,
	`direction_count` integer NOT NULL,
	`body` text NOT NULL,
	`palette_name` text,
	`palette` text,
	`outline` text,
	`shading` text,
	`pivot_x` integer,
	`pivot_y` integer,
	`padding` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`supports_reference` integer DEFAULT false NOT NULL,
	`notes` text NOT NULL,
	`facings` text NOT NULL,
	`facing_batch_id` integer,
	`source_task_id` integer,
	`source_document_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `characters_user_idx` ON `characters` (`user_id`,`id`);