-- The PostgreSQL queue's whole claim in one statement (lib/db/postgres/queue.ts: claimDueTasks),
-- replacing pixel_claim_task, which claimed one task per call after three other queries (which
-- queues had work, how many tasks ran, pg-boss's fetch) and one more to end each delivery.
--
-- pg-boss keeps the deliveries ("task N may run from start_after"); this function takes them out
-- of its job table the way pg-boss's own fetch does (state < 'active' AND start_after < now(),
-- ORDER BY priority DESC, created_on, id, FOR UPDATE SKIP LOCKED: plans.js fetchNextJob in
-- pg-boss 10) and marks each one completed at once, in the same transaction as the row's claim:
-- the task row and its lease are the record of the run (a dead worker's task is found by the
-- sweeper from its expired lease), so a delivery is spent as soon as it was looked at.
--
-- Per provider, in name order (so two claimers never wait on each other's locks in a circle):
-- a transaction-scoped advisory lock serialises the count-then-claim of concurrent claimers, and
-- the statements run inside a VOLATILE plpgsql function so each takes a fresh snapshot (READ
-- COMMITTED): the count of running tasks sees every claim committed before the lock was granted,
-- which keeps the cap exact across workers. The row's own lock and its re-checked status make two
-- deliveries of one task claim it at most once. `at` is the worker's clock, as for every other
-- lease comparison of the queue.
DROP FUNCTION IF EXISTS "pixel_claim_task"(integer, text, text, integer, integer, timestamptz);
--> statement-breakpoint
CREATE FUNCTION "pixel_claim_due_tasks"(boss_schema text, providers text[], queues text[], wanted integer[], caps integer[], owner_name text, lease_ms integer, at timestamptz)
	RETURNS TABLE (task jsonb) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	due text[];
	i integer;
	v_left integer;
	v_running integer;
	v_job record;
	v_row tasks%ROWTYPE;
	v_claimed boolean;
BEGIN
	-- one look at which queues have a delivery due: the idle ones take no lock
	EXECUTE format('SELECT coalesce(array_agg(DISTINCT name), ''{}'') FROM %I.job
		WHERE name = ANY($1) AND state < ''active'' AND start_after < now()', boss_schema)
		INTO due USING queues;
	FOR i IN SELECT o FROM unnest(providers) WITH ORDINALITY AS p(name, o) ORDER BY p.name LOOP
		CONTINUE WHEN wanted[i] <= 0 OR NOT (queues[i] = ANY(due));
		PERFORM pg_advisory_xact_lock(hashtext('pixel-provider:' || providers[i]));
		SELECT count(*) INTO v_running FROM tasks
		 WHERE provider = providers[i] AND status = 'processing' AND lease_expires_at >= at;
		v_left := least(wanted[i], caps[i] - v_running);
		CONTINUE WHEN v_left <= 0;
		-- a few more than wanted: deliveries of finished or deleted tasks are skipped on the way
		FOR v_job IN EXECUTE format('SELECT id, (data->>''taskId'')::integer AS task_id FROM %I.job
			WHERE name = $1 AND state < ''active'' AND start_after < now()
			ORDER BY priority DESC, created_on, id LIMIT $2 FOR UPDATE SKIP LOCKED', boss_schema)
			USING queues[i], v_left + 32
		LOOP
			UPDATE tasks
			   SET status = 'processing',
			       lease_owner = owner_name,
			       lease_expires_at = at + lease_ms * interval '1 millisecond',
			       attempts = attempts + 1,
			       started_at = coalesce(started_at, at),
			       updated_at = at
			 WHERE id = v_job.task_id AND provider = providers[i] AND (
			       (status = 'pending' AND run_after <= at)
			       OR (status = 'processing' AND coalesce(lease_expires_at, at) < at))
			RETURNING * INTO v_row;
			v_claimed := FOUND;
			-- Pending but not due by our clock (the database's clock is a little ahead): the
			-- delivery stays for a later claim instead of being lost until the sweeper finds it.
			CONTINUE WHEN NOT v_claimed AND EXISTS (
				SELECT 1 FROM tasks WHERE id = v_job.task_id AND status = 'pending' AND run_after > at);
			-- claimed now, or finished, deleted or held by a live lease: the delivery is spent
			EXECUTE format('UPDATE %I.job SET state = ''completed'', started_on = now(), completed_on = now()
				WHERE name = $1 AND id = $2', boss_schema) USING queues[i], v_job.id;
			IF v_claimed THEN
				task := to_jsonb(v_row);
				RETURN NEXT;
				v_left := v_left - 1;
				EXIT WHEN v_left = 0;
			END IF;
		END LOOP;
	END LOOP;
END $$;
