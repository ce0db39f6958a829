CREATE TABLE `task_counts` (
	`user_id` integer NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`user_id`, `status`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `task_counts` (`user_id`, `status`, `n`) SELECT `user_id`, `status`, count(*) FROM `tasks` WHERE true GROUP BY `user_id`, `status`;
--> statement-breakpoint
CREATE TRIGGER `task_counts_insert` AFTER INSERT ON `tasks` BEGIN
	INSERT INTO `task_counts` (`user_id`, `status`, `n`) VALUES (NEW.`user_id`, NEW.`status`, 1)
		ON CONFLICT (`user_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_counts_delete` AFTER DELETE ON `tasks` BEGIN
	UPDATE `task_counts` SET `n` = `n` - 1 WHERE `user_id` = OLD.`user_id` AND `status` = OLD.`status`;
END;
--> statement-breakpoint
CREATE TRIGGER `task_counts_update` AFTER UPDATE OF `status`, `user_id` ON `tasks`
	WHEN OLD.`status` IS NOT NEW.`status` OR OLD.`user_id` IS NOT NEW.`user_id` BEGIN
	UPDATE `task_counts` SET `n` = `n` - 1 WHERE `user_id` = OLD.`user_id` AND `status` = OLD.`status`;
	INSERT INTO `task_counts` (`user_id`, `status`, `n`) VALUES (NEW.`user_id`, NEW.`status`, 1)
		ON CONFLICT (`user_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;
