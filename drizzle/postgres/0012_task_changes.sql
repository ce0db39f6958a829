-- A change counter per user over their tasks and the tasks' files (lib/db/sqlite/schema.ts:
-- taskChanges). The triggers bump it in the writing transaction of every insert, update and delete
-- of a task or an asset, whoever writes, so an answer kept in memory under one count is never
-- answered again after a change is committed. Once per statement from its transition tables (a row
-- trigger would update one counter row once per row, slower with every version of that row in a
-- transaction), a user once per statement (ON CONFLICT cannot touch a row twice), in user order
-- (concurrent statements of several users cannot deadlock), in the stripe of the writing
-- connection like task_counts (migration 0010). A task moved to another user counts for both; a
-- file counts for the owner of its task (whose answers show it; a file deleted with its task is
-- counted by the task's delete).
CREATE TABLE "task_changes" (
	"user_id" integer NOT NULL,
	"stripe" integer DEFAULT 0 NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "task_changes_user_id_stripe_pk" PRIMARY KEY("user_id","stripe")
);
--> statement-breakpoint
CREATE FUNCTION "task_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO task_changes (user_id, stripe, n)
			SELECT DISTINCT user_id, pg_backend_pid() % 16, 1 FROM new_rows ORDER BY user_id
			ON CONFLICT (user_id, stripe) DO UPDATE SET n = task_changes.n + 1;
	ELSIF TG_OP = 'UPDATE' THEN
		INSERT INTO task_changes (user_id, stripe, n)
			SELECT user_id, pg_backend_pid() % 16, 1
				FROM (SELECT user_id FROM new_rows UNION SELECT user_id FROM old_rows) changed ORDER BY user_id
			ON CONFLICT (user_id, stripe) DO UPDATE SET n = task_changes.n + 1;
	ELSE
		INSERT INTO task_changes (user_id, stripe, n)
			SELECT DISTINCT user_id, pg_backend_pid() % 16, 1 FROM old_rows ORDER BY user_id
			ON CONFLICT (user_id, stripe) DO UPDATE SET n = task_changes.n + 1;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "task_changes_task_insert" AFTER INSERT ON "tasks"
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_changed"();
--> statement-breakpoint
CREATE TRIGGER "task_changes_task_update" AFTER UPDATE ON "tasks"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_changed"();
--> statement-breakpoint
CREATE TRIGGER "task_changes_task_delete" AFTER DELETE ON "tasks"
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_changed"();
--> statement-breakpoint
CREATE FUNCTION "task_file_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO task_changes (user_id, stripe, n)
			SELECT DISTINCT t.user_id, pg_backend_pid() % 16, 1 FROM new_rows f JOIN tasks t ON t.id = f.task_id ORDER BY t.user_id
			ON CONFLICT (user_id, stripe) DO UPDATE SET n = task_changes.n + 1;
	ELSIF TG_OP = 'UPDATE' THEN
		INSERT INTO task_changes (user_id, stripe, n)
			SELECT DISTINCT t.user_id, pg_backend_pid() % 16, 1
				FROM (SELECT task_id FROM new_rows UNION SELECT task_id FROM old_rows) f JOIN tasks t ON t.id = f.task_id ORDER BY t.user_id
			ON CONFLICT (user_id, stripe) DO UPDATE SET n = task_changes.n + 1;
	ELSE
		INSERT INTO task_changes (user_id, stripe, n)
			SELECT DISTINCT t.user_id, pg_backend_pid() % 16, 1 FROM old_rows f JOIN tasks t ON t.id = f.task_id ORDER BY t.user_id
			ON CONFLICT (user_id, stripe) DO UPDATE SET n = task_changes.n + 1;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "task_changes_asset_insert" AFTER INSERT ON "assets"
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_file_changed"();
--> statement-breakpoint
CREATE TRIGGER "task_changes_asset_update" AFTER UPDATE ON "assets"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_file_changed"();
--> statement-breakpoint
CREATE TRIGGER "task_changes_asset_delete" AFTER DELETE ON "assets"
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_file_changed"();
