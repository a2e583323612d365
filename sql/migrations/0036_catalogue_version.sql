-- The ASB types and their questions change seldom, and a public report
-- read them in a statement of its own (issue 9: a report's SQL was to cost
-- at most three TPC-B transactions). Each FastCGI worker now keeps what it
-- read of a type (fcgi/domain/asb_catalogue.c), and a report's transaction
-- checks, in its first statement, that what the intake checked the answers
-- by is still current: this number moves on with every change to either
-- table, in the change's own transaction, so a reader sees the number and
-- the rows of one snapshot. When it has moved, the intake reads the type
-- again and checks the report again (fcgi/domain/intake.c).
CREATE TABLE catalogue_version (
	one	boolean PRIMARY KEY DEFAULT true CHECK (one),
	n	bigint NOT NULL
);
INSERT INTO catalogue_version (n) VALUES (1);
COMMENT ON TABLE catalogue_version IS
    'One row: moves on with every change to asb_type or question.';

-- Definer: the administrator's role may change the types but not this row.
CREATE FUNCTION catalogue_version_next() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
	UPDATE catalogue_version SET n = n + 1;
	RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION catalogue_version_next() FROM PUBLIC;

CREATE TRIGGER asb_type_catalogue_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON asb_type
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_version_next();
CREATE TRIGGER question_catalogue_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON question
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_version_next();

GRANT SELECT ON catalogue_version TO concord_app;
