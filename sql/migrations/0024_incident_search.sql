-- Finding incidents (issue 9): the staff list searches words in the
-- description and in the answers' text, a postcode with or without its
-- space, and filters by status, type, flags, risk, area and date.
--
-- The text search uses the 'english' configuration: staff type the words
-- of an account ("shouting", "bottles thrown") and stemming lets "shout"
-- find "shouting"; names and references are matched by other terms of the
-- query (ILIKE), which is where 'simple' would have helped.
-- An expression index rather than a generated column, so that incident
-- rows (and what is audited of them) do not carry a tsvector.

-- The words of an incident: its description and the answers as the
-- reporter saw them ("answer" and "display" of every answer).
CREATE FUNCTION incident_search_words(description text, answers jsonb)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT to_tsvector('english'::regconfig, coalesce(description, ''))
	    || jsonb_to_tsvector('english'::regconfig,
	        jsonb_path_query_array(coalesce(answers, '{}'), '$.*.answer')
	        || jsonb_path_query_array(coalesce(answers, '{}'), '$.*.display'),
	        '["string"]')
$$;

-- A postcode as compared: no spaces, upper case ("e8 1dy" = "E81DY").
CREATE FUNCTION postcode_key(postcode text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT upper(replace(coalesce(postcode, ''), ' ', ''))
$$;

CREATE INDEX incident_search_words ON incident
    USING gin (incident_search_words(description, answers));
CREATE INDEX incident_postcode_key ON incident (postcode_key(postcode) text_pattern_ops);

GRANT EXECUTE ON FUNCTION incident_search_words(text, jsonb), postcode_key(text)
    TO concord_app;
