-- A change counter per user over their tasks and the tasks' files (lib/db/sqlite/schema.ts:
-- taskChanges). The triggers bump it in the writing transaction of every insert, update and delete
-- of a task or an asset, whoever writes (a web process, the worker thread or process, the CLI), so
-- an answer kept in memory under one count is never answered again after a change is committed.
-- A task moved to another user counts for both; a file counts for the owner of its task (whose
-- answers show it; a file whose task is being deleted is counted by the task's delete). SQLite has
-- one writer at a time: stripe 0.
CREATE TABLE `task_changes` (
	`user_id` integer NOT NULL,
	`stripe` integer DEFAULT 0 NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`user_id`, `stripe`)
);
--> statement-breakpoint
CREATE TRIGGER `task_changes_task_insert` AFTER INSERT ON `tasks` BEGIN
	INSERT INTO `task_changes` (`user_id`, `stripe`, `n`) VALUES (NEW.`user_id`, 0, 1)
		ON CONFLICT (`user_id`, `stripe`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_changes_task_update` AFTER UPDATE ON `tasks` BEGIN
	INSERT INTO `task_changes` (`user_id`, `stripe`, `n`) VALUES (NEW.`user_id`, 0, 1)
		ON CONFLICT (`user_id`, `stripe`) DO UPDATE SET `n` = `n` + 1;
	INSERT INTO `task_changes` (`user_id`, `stripe`, `n`) SELECT OLD.`user_id`, 0, 1 WHERE OLD.`user_id` IS NOT NEW.`user_id`
		ON CONFLICT (`user_id`, `stripe`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_changes_task_delete` AFTER DELETE ON `tasks` BEGIN
	INSERT INTO `task_changes` (`user_id`, `stripe`, `n`) VALUES (OLD.`user_id`, 0, 1)
		ON CONFLICT (`user_id`, `stripe`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_changes_asset_insert` AFTER INSERT ON `assets` BEGIN
	INSERT INTO `task_changes` (`user_id`, `stripe`, `n`) SELECT `user_id`, 0, 1 FROM `tasks` WHERE `id` = NEW.`task_id`
		ON CONFLICT (`user_id`, `stripe`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_changes_asset_update` AFTER UPDATE ON `assets` BEGIN
	INSERT INTO `task_changes` (`user_id`, `stripe`, `n`) SELECT DISTINCT `user_id`, 0, 1 FROM `tasks` WHERE `id` IN (OLD.`task_id`, NEW.`task_id`)
		ON CONFLICT (`user_id`, `stripe`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `task_changes_asset_delete` AFTER DELETE ON `assets` BEGIN
	INSERT INTO `task_changes` (`user_id`, `stripe`, `n`) SELECT `user_id`, 0, 1 FROM `tasks` WHERE `id` = OLD.`task_id`
		ON CONFLICT (`user_id`, `stripe`) DO UPDATE SET `n` = `n` + 1;
END;
