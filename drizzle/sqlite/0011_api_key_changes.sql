-- A change counter for the API-key caches (lib/db/sqlite/schema.ts: apiKeyChanges). The triggers
-- bump it in the transaction of any change that can end a key's access, whoever makes it: a key
-- revoked, deleted or moved to another user, a user changed or deleted (its keys go with it).
-- Touching a key's last_used_at is not such a change.
CREATE TABLE `api_key_changes` (
	`id` integer PRIMARY KEY DEFAULT 0 NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `api_key_changes` (`id`, `n`) VALUES (0, 0);
--> statement-breakpoint
CREATE TRIGGER `api_key_changes_key_update` AFTER UPDATE OF `revoked_at`, `key_hash`, `user_id` ON `api_keys` BEGIN
	UPDATE `api_key_changes` SET `n` = `n` + 1 WHERE `id` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `api_key_changes_key_delete` AFTER DELETE ON `api_keys` BEGIN
	UPDATE `api_key_changes` SET `n` = `n` + 1 WHERE `id` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `api_key_changes_user_update` AFTER UPDATE ON `users` BEGIN
	UPDATE `api_key_changes` SET `n` = `n` + 1 WHERE `id` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `api_key_changes_user_delete` AFTER DELETE ON `users` BEGIN
	UPDATE `api_key_changes` SET `n` = `n` + 1 WHERE `id` = 0;
END;
