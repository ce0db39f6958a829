-- One lock order for the two counters a task write touches: task_changes (user, stripe) first,
-- then task_counts (user, status, stripe). Statement triggers of one event fire in name order
-- (task_changes_* before task_counts_*), but row triggers fire before any statement trigger, so
-- a status change (task_counts_update, a row trigger) took its counts rows first and then the
-- changes row, while a task insert took the changes row first and then its counts row. A worker
-- putting a task back in the queue and a POST of the same user on a connection of the same stripe
-- deadlocked (PostgreSQL log, chaos run: "while inserting index tuple in task_counts", a POST's
-- INSERT against a worker's release UPDATE), and the POST answered 500. A transaction that writes
-- an asset before its task (changes only, then both) also needs changes first. So status changes
-- and deletes are counted by statement triggers too, from the transition tables (an UPDATE
-- trigger with transition tables cannot name columns: it fires on every UPDATE of tasks and finds
-- nothing to count when no status or owner changed), and fire after task_changes' by name.
-- Within task_counts the rows are still taken in (user, status) order.
-- Tasks deleted with their user (the cascade of DELETE FROM users) are not counted down: their
-- counter rows go with the user, and writing one for a user already gone broke the foreign key,
-- so a user with tasks could not be deleted on PostgreSQL.
DROP TRIGGER "task_counts_update" ON "tasks";--> statement-breakpoint
DROP TRIGGER "task_counts_delete" ON "tasks";--> statement-breakpoint
DROP FUNCTION "task_counts_track"();--> statement-breakpoint
CREATE FUNCTION "task_counts_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO task_counts (user_id, status, stripe, n)
		SELECT user_id, status, pg_backend_pid() % 16, sum(d)::integer FROM (
			SELECT n.user_id, n.status, 1 AS d FROM new_rows n JOIN old_rows o ON o.id = n.id
				WHERE (n.user_id, n.status) IS DISTINCT FROM (o.user_id, o.status)
			UNION ALL
			SELECT o.user_id, o.status, -1 FROM old_rows o JOIN new_rows n ON n.id = o.id
				WHERE (n.user_id, n.status) IS DISTINCT FROM (o.user_id, o.status)
		) moved GROUP BY user_id, status HAVING sum(d) <> 0 ORDER BY user_id, status
		ON CONFLICT (user_id, status, stripe) DO UPDATE SET n = task_counts.n + excluded.n;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "task_counts_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO task_counts (user_id, status, stripe, n)
		SELECT user_id, status, pg_backend_pid() % 16, -count(*) FROM old_rows
			WHERE EXISTS (SELECT 1 FROM users u WHERE u.id = old_rows.user_id)
			GROUP BY user_id, status ORDER BY user_id, status
		ON CONFLICT (user_id, status, stripe) DO UPDATE SET n = task_counts.n + excluded.n;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "task_counts_update" AFTER UPDATE ON "tasks"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "task_counts_moved"();
--> statement-breakpoint
CREATE TRIGGER "task_counts_delete" AFTER DELETE ON "tasks"
	REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION "task_counts_deleted"();
