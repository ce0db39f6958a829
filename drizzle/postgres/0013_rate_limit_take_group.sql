-- The rate-limit takes a web process gathers in one turn of its event loop, applied in one round
-- trip (lib/security/rate-limit-postgres.ts), where each take was its own. One INSERT … ON CONFLICT
-- cannot apply several takes of one key ("cannot affect row a second time"), and a POST under load
-- is mostly takes of one key, so the takes run here, in order: per key, its bucket row is locked
-- (inserted full when absent), its takes are applied one after the other with the arithmetic of
-- the single take (each at its own clock_timestamp()), and the row is written once. Keys are
-- locked in one order (COLLATE "C"), so two groups sharing keys never wait on each other in a
-- circle; a key's takes keep their order in `keys`. Answers come back in the order of `keys`.
-- Like the single take, the transaction commits without waiting for its WAL flush (only it: the
-- caller runs this as a statement of its own), so a bucket row is never held across a flush.
CREATE FUNCTION "pixel_rate_limit_take"(keys text[], ns float8[], lim float8, win float8,
	OUT taken boolean[], OUT tokens float8[]) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	k text;
	i integer;
	v_tokens float8;
	v_updated float8;
	v_now float8;
	v_refill float8;
	v_taken boolean;
BEGIN
	PERFORM set_config('synchronous_commit', 'off', true);
	taken := array_fill(NULL::boolean, ARRAY[cardinality(keys)]);
	tokens := array_fill(NULL::float8, ARRAY[cardinality(keys)]);
	FOR k IN SELECT DISTINCT u COLLATE "C" FROM unnest(keys) AS u ORDER BY 1 LOOP
		LOOP
			-- READ COMMITTED, one snapshot per statement: a row inserted or deleted by another
			-- transaction since the last statement is seen here
			SELECT b.tokens, b.updated_ms INTO v_tokens, v_updated
				FROM rate_limit_buckets b WHERE b.key = k FOR UPDATE;
			EXIT WHEN FOUND;
			-- an absent bucket is a full one (as the single take's INSERT branch)
			INSERT INTO rate_limit_buckets (key, tokens, updated_ms, taken)
				VALUES (k, lim, extract(epoch FROM clock_timestamp())::float8 * 1000, true)
				ON CONFLICT (key) DO NOTHING;
		END LOOP;
		FOR i IN 1 .. cardinality(keys) LOOP
			CONTINUE WHEN keys[i] <> k;
			v_now := extract(epoch FROM clock_timestamp())::float8 * 1000;
			v_refill := least(lim, v_tokens + greatest(0, v_now - v_updated) * lim / win);
			v_taken := ns[i] <= lim AND v_refill >= ns[i];
			v_tokens := v_refill - CASE WHEN v_taken THEN ns[i] ELSE 0 END;
			v_updated := greatest(v_updated, v_now);
			taken[i] := v_taken;
			tokens[i] := v_tokens;
		END LOOP;
		UPDATE rate_limit_buckets SET tokens = v_tokens, updated_ms = v_updated, taken = v_taken
			WHERE key = k;
	END LOOP;
END $$;
