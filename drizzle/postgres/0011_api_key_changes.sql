-- A change counter for the API-key caches (lib/db/sqlite/schema.ts: apiKeyChanges). The triggers
-- bump it and NOTIFY pixel_api_keys in the transaction of any change that can end a key's access,
-- whoever makes it: a key revoked, deleted or moved to another user, a user changed or deleted
-- (its keys go with it). The notification is delivered at commit, never before the change is
-- visible, and never for a transaction that rolled back. Touching last_used_at is not such a change.
CREATE TABLE "api_key_changes" (
	"id" integer PRIMARY KEY DEFAULT 0 NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
INSERT INTO "api_key_changes" ("id", "n") VALUES (0, 0);
--> statement-breakpoint
CREATE FUNCTION "api_key_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE api_key_changes SET n = n + 1 WHERE id = 0;
	PERFORM pg_notify('pixel_api_keys', TG_TABLE_NAME);
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "api_key_changes_keys" AFTER UPDATE OF "revoked_at", "key_hash", "user_id" OR DELETE ON "api_keys"
	FOR EACH STATEMENT EXECUTE FUNCTION "api_key_changed"();
--> statement-breakpoint
CREATE TRIGGER "api_key_changes_users" AFTER UPDATE OR DELETE ON "users"
	FOR EACH STATEMENT EXECUTE FUNCTION "api_key_changed"();
