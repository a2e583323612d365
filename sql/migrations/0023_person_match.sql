-- Person matching (fcgi/domain/person_match.c, README "Person matching").
-- A person's date of birth, and the normal form of each fact a match looks
-- up, written by the application with the rule in C (the one rule: SQL
-- does not redo it). Rows from before this migration have no keys until
-- `concordctl person backfill` has computed them.
ALTER TABLE person
	ADD COLUMN date_of_birth	date CHECK (date_of_birth >= DATE '1900-01-01'),
	ADD COLUMN name_key		text,
	ADD COLUMN phone_key		text,
	ADD COLUMN email_key		text,
	ADD COLUMN postcode_key		text;

-- One look-up per fact that can make a match (the postcode alone cannot);
-- most people lack most facts, so only rows that have one are indexed.
CREATE INDEX person_name_key ON person (name_key) WHERE name_key IS NOT NULL;
CREATE INDEX person_dob ON person (date_of_birth) WHERE date_of_birth IS NOT NULL;
CREATE INDEX person_phone_key ON person (phone_key) WHERE phone_key IS NOT NULL;
CREATE INDEX person_email_key ON person (email_key) WHERE email_key IS NOT NULL;
