-- Extensions and the application's own database role.
-- Migrations run as the administrative role that owns every table; the
-- application connects as concord_app, which owns nothing, cannot bypass
-- row-level security, and gets only the grants given below and in later
-- migrations.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pgcrypto;

DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'concord_app') THEN
		CREATE ROLE concord_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE
		    NOBYPASSRLS NOREPLICATION;
	END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO concord_app;
GRANT SELECT ON schema_migrations TO concord_app;
