ALTER TABLE `tasks` ADD `subject_words` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Earlier local sprites: their recorded subject in English (the Chinese name is added for new tasks).
UPDATE `tasks` SET `subject_words` = replace(json_extract(`params`, '$.interpretation.subject'), '-', ' ') WHERE json_extract(`params`, '$.interpretation.subject') IS NOT NULL AND json_extract(`params`, '$.interpretation.subject') <> 'unknown';
