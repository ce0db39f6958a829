CREATE TABLE "task_counts" (
	"user_id" integer NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "task_counts_user_id_status_pk" PRIMARY KEY("user_id","status")
);
--> statement-breakpoint
ALTER TABLE "task_counts" ADD CONSTRAINT "task_counts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "task_counts" ("user_id", "status", "n") SELECT "user_id", "status", count(*) FROM "tasks" GROUP BY "user_id", "status";
--> statement-breakpoint
-- One row per (user, status), changed by every insert, delete and status change of a task.
-- Inserts are counted once per statement from its transition table: a row trigger would update
-- the same counter row once per inserted row, which PostgreSQL makes slower with every version
-- of that row within one transaction (a 100,000-row import took minutes). The two rows a status
-- change touches are locked in status order, so concurrent changes of one user's tasks in
-- opposite directions (a retry, a claim) cannot deadlock.
CREATE FUNCTION "task_counts_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO task_counts (user_id, status, n)
		SELECT user_id, status, count(*) FROM inserted GROUP BY user_id, status ORDER BY user_id, status
		ON CONFLICT (user_id, status) DO UPDATE SET n = task_counts.n + excluded.n;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "task_counts_track"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND (NEW.user_id, NEW.status) < (OLD.user_id, OLD.status) THEN
		INSERT INTO task_counts (user_id, status, n) VALUES (NEW.user_id, NEW.status, 1)
			ON CONFLICT (user_id, status) DO UPDATE SET n = task_counts.n + 1;
		UPDATE task_counts SET n = n - 1 WHERE user_id = OLD.user_id AND status = OLD.status;
		RETURN NULL;
	END IF;
	UPDATE task_counts SET n = n - 1 WHERE user_id = OLD.user_id AND status = OLD.status;
	IF TG_OP = 'UPDATE' THEN
		INSERT INTO task_counts (user_id, status, n) VALUES (NEW.user_id, NEW.status, 1)
			ON CONFLICT (user_id, status) DO UPDATE SET n = task_counts.n + 1;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "task_counts_insert" AFTER INSERT ON "tasks"
	REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "task_counts_inserted"();
--> statement-breakpoint
CREATE TRIGGER "task_counts_delete" AFTER DELETE ON "tasks"
	FOR EACH ROW EXECUTE FUNCTION "task_counts_track"();
--> statement-breakpoint
CREATE TRIGGER "task_counts_update" AFTER UPDATE OF "status", "user_id" ON "tasks"
	FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."user_id" IS DISTINCT FROM NEW."user_id")
	EXECUTE FUNCTION "task_counts_track"();
