-- One normal form of a staff e-mail address, the same rule as C's
-- email_normal() (fcgi/core/email.c): printable ASCII only, A-Z folded
-- to a-z. lower() is not used because it depends on the locale and folds
-- letters outside ASCII ('İ' to 'i' in most), which C does not: an address
-- like 'supervİsor@…' then found one account in the database while the
-- sign-in throttle counted it as another. An address outside ASCII has no
-- normal form (NULL).
CREATE FUNCTION email_normal(address text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT CASE WHEN address ~ '^[!-~]+$'
	THEN translate(address, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
	END
$$;

-- One account per normal form, in place of lower(email). Every address
-- lower() kept apart, translate() keeps apart too, so existing rows fit.
CREATE UNIQUE INDEX app_user_email_normal ON app_user (email_normal(email));
DROP INDEX app_user_email;

-- New and changed addresses must have a normal form. NOT VALID: an older
-- address outside ASCII stays (it can no longer sign in; an administrator
-- changes it) rather than stop the migration.
ALTER TABLE app_user ADD CONSTRAINT app_user_email_ascii
	CHECK (email_normal(email) IS NOT NULL) NOT VALID;
