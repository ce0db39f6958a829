-- task_counts gets the stripe column PostgreSQL uses (drizzle/postgres 0010); SQLite writes one
-- transaction at a time, so every count stays in stripe 0 and the triggers only name the new key.
-- The triggers go first: renaming a table checks every trigger, and these name the old table.
DROP TRIGGER `task_counts_insert`;--> statement-breakpoint
DROP TRIGGER `task_counts_delete`;--> statement-breakpoint
DROP TRIGGER `task_counts_update`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_task_counts` (
	`user_id` integer NOT NULL,
	`status` text NOT NULL,
	`stripe` integer DEFAULT 0 NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`user_id`, `status`, `stripe`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_task_counts`("user_id", "status", "stripe", "n") SELECT "user_id", "status", 0, "n" FROM `task_counts`;--> statement-breakpoint
DROP TABLE `task_counts`;--> statement-breakpoint
ALTER TABLE `__new_task_counts` RENAME TO `task_counts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE TRIGGER `task_counts_insert` AFTER INSERT ON `tasks` BEGIN
	INSERT INTO `task_counts` (`user_id`, `status`, `stripe`, `n`) VALUES (NEW.`user_id`, NEW.`status`, 0, 1)
		ON CONFLICT (`user_id`, `status`, `stripe`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_counts_delete` AFTER DELETE ON `tasks` BEGIN
	UPDATE `task_counts` SET `n` = `n` - 1 WHERE `user_id` = OLD.`user_id` AND `status` = OLD.`status` AND `stripe` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `task_counts_update` AFTER UPDATE OF `status`, `user_id` ON `tasks`
	WHEN OLD.`status` IS NOT NEW.`status` OR OLD.`user_id` IS NOT NEW.`user_id` BEGIN
	UPDATE `task_counts` SET `n` = `n` - 1 WHERE `user_id` = OLD.`user_id` AND `status` = OLD.`status` AND `stripe` = 0;
	INSERT INTO `task_counts` (`user_id`, `status`, `stripe`, `n`) VALUES (NEW.`user_id`, NEW.`status`, 0, 1)
		ON CONFLICT (`user_id`, `status`, `stripe`) DO UPDATE SET `n` = `n` + 1;
END;
