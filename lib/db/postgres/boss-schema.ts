// The PostgreSQL schema pg-boss keeps its tables in. Its own module so readers of the schema
// (the health check) need not load the pg-boss engine.
export const BOSS_SCHEMA = "pgboss";
