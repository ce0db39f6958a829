ALTER TABLE "tasks" ADD COLUMN "subject_words" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Earlier local sprites: their recorded subject in English (the Chinese name is added for new tasks).
UPDATE "tasks" SET "subject_words" = replace("params"->'interpretation'->>'subject', '-', ' ') WHERE "params"->'interpretation'->>'subject' IS NOT NULL AND "params"->'interpretation'->>'subject' <> 'unknown';
