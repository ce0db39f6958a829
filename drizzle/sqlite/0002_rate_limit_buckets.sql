CREATE TABLE `rate_limit_buckets` (
	`key` text PRIMARY KEY NOT NULL,
	`tokens` real NOT NULL,
	`updated_ms` real NOT NULL,
	`taken` integer NOT NULL
);
