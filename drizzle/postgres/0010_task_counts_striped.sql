-- task_counts striped (lib/db/postgres/schema.ts): a counter row stays locked until its
-- transaction's commit is flushed, so with one row per (user, status) every task insert and status
-- change of one user waited for the previous one's WAL flush (one user's POST generate was capped
-- at about one task per flush). Each writer now adds to the stripe of its connection (backend pid
-- mod 16), so concurrent writers' commits share flushes. Readers sum over the stripes; a stripe may
-- go negative (a task counted in one stripe and moved on in another), only the sum is a count.
ALTER TABLE "task_counts" ADD COLUMN "stripe" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "task_counts" DROP CONSTRAINT "task_counts_user_id_status_pk";--> statement-breakpoint
ALTER TABLE "task_counts" ADD CONSTRAINT "task_counts_user_id_status_stripe_pk" PRIMARY KEY("user_id","status","stripe");--> statement-breakpoint
CREATE OR REPLACE FUNCTION "task_counts_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO task_counts (user_id, status, stripe, n)
		SELECT user_id, status, pg_backend_pid() % 16, count(*) FROM inserted GROUP BY user_id, status ORDER BY user_id, status
		ON CONFLICT (user_id, status, stripe) DO UPDATE SET n = task_counts.n + excluded.n;
	RETURN NULL;
END $$;
--> statement-breakpoint
-- The two rows a status change touches are still locked in status order (one stripe, the
-- connection's), so concurrent changes in opposite directions cannot deadlock. The decrement is an
-- upsert: this stripe may not have counted the task.
CREATE OR REPLACE FUNCTION "task_counts_track"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	s integer := pg_backend_pid() % 16;
BEGIN
	IF TG_OP = 'UPDATE' AND (NEW.user_id, NEW.status) < (OLD.user_id, OLD.status) THEN
		INSERT INTO task_counts (user_id, status, stripe, n) VALUES (NEW.user_id, NEW.status, s, 1)
			ON CONFLICT (user_id, status, stripe) DO UPDATE SET n = task_counts.n + 1;
		INSERT INTO task_counts (user_id, status, stripe, n) VALUES (OLD.user_id, OLD.status, s, -1)
			ON CONFLICT (user_id, status, stripe) DO UPDATE SET n = task_counts.n - 1;
		RETURN NULL;
	END IF;
	INSERT INTO task_counts (user_id, status, stripe, n) VALUES (OLD.user_id, OLD.status, s, -1)
		ON CONFLICT (user_id, status, stripe) DO UPDATE SET n = task_counts.n - 1;
	IF TG_OP = 'UPDATE' THEN
		INSERT INTO task_counts (user_id, status, stripe, n) VALUES (NEW.user_id, NEW.status, s, 1)
			ON CONFLICT (user_id, status, stripe) DO UPDATE SET n = task_counts.n + 1;
	END IF;
	RETURN NULL;
END $$;
