-- The PostgreSQL queue's claim of one delivered task (lib/db/postgres/queue.ts: claimTaskRow) in
-- one round trip. The statements run inside a function so each takes a fresh snapshot (READ
-- COMMITTED, VOLATILE): the count of running tasks sees every claim committed before the
-- provider's advisory lock was granted, which keeps the cap exact across workers. `at` is the
-- worker's clock, as for every other lease comparison of the queue.
CREATE FUNCTION "pixel_claim_task"(task_id integer, provider_name text, owner_name text, lease_ms integer, cap integer, at timestamptz)
	RETURNS TABLE (outcome text, task jsonb) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	row_now tasks%ROWTYPE;
	running integer;
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('pixel-provider:' || provider_name));
	SELECT * INTO row_now FROM tasks WHERE id = task_id FOR UPDATE;
	IF NOT FOUND OR NOT (
		(row_now.status = 'pending' AND row_now.run_after <= at)
		OR (row_now.status = 'processing' AND coalesce(row_now.lease_expires_at, at) < at)
	) THEN
		RETURN QUERY SELECT 'stale'::text, NULL::jsonb;
		RETURN;
	END IF;
	SELECT count(*) INTO running FROM tasks
	 WHERE provider = provider_name AND status = 'processing' AND lease_expires_at >= at;
	IF running >= cap THEN
		RETURN QUERY SELECT 'full'::text, NULL::jsonb;
		RETURN;
	END IF;
	UPDATE tasks
	   SET status = 'processing',
	       lease_owner = owner_name,
	       lease_expires_at = at + lease_ms * interval '1 millisecond',
	       attempts = attempts + 1,
	       started_at = coalesce(started_at, at),
	       updated_at = at
	 WHERE id = task_id
	RETURNING * INTO row_now;
	RETURN QUERY SELECT 'claimed'::text, to_jsonb(row_now);
END $$;
