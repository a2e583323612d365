-- The ASB Case Review register (README "The ASB Case Review"): the
-- working-day calendar's bank holidays, the co-ordinator team each
-- application's milestones are for, whether the victim was invited to the
-- review, and the milestones not done as case work for the queues.

-- England and Wales bank holidays 2020-2030, substitute days included.
-- Source: GOV.UK's published bank holidays (https://www.gov.uk/bank-holidays,
-- its bank-holidays.json, "england-and-wales"), including the one-off ones
-- (8 May 2020 moved for VE day, 2 and 3 June 2022 for the Platinum Jubilee,
-- 19 September 2022 for the state funeral of Queen Elizabeth II, 8 May 2023
-- for the coronation of King Charles III). GOV.UK lists a few years ahead;
-- the later years follow the same rules (first and last Mondays of May,
-- last Monday of August, Easter, substitute days for a weekend's Christmas,
-- Boxing Day and New Year's Day) and should be checked against GOV.UK as
-- each is announced: a change is one more migration.
INSERT INTO bank_holiday (day, region, name)
SELECT v.day::date, 'england-and-wales', v.name FROM (VALUES
	('2020-01-01', 'New Year''s Day'),
	('2020-04-10', 'Good Friday'),
	('2020-04-13', 'Easter Monday'),
	('2020-05-08', 'Early May bank holiday (VE day)'),
	('2020-05-25', 'Spring bank holiday'),
	('2020-08-31', 'Summer bank holiday'),
	('2020-12-25', 'Christmas Day'),
	('2020-12-28', 'Boxing Day (substitute day)'),
	('2021-01-01', 'New Year''s Day'),
	('2021-04-02', 'Good Friday'),
	('2021-04-05', 'Easter Monday'),
	('2021-05-03', 'Early May bank holiday'),
	('2021-05-31', 'Spring bank holiday'),
	('2021-08-30', 'Summer bank holiday'),
	('2021-12-27', 'Christmas Day (substitute day)'),
	('2021-12-28', 'Boxing Day (substitute day)'),
	('2022-01-03', 'New Year''s Day (substitute day)'),
	('2022-04-15', 'Good Friday'),
	('2022-04-18', 'Easter Monday'),
	('2022-05-02', 'Early May bank holiday'),
	('2022-06-02', 'Spring bank holiday'),
	('2022-06-03', 'Platinum Jubilee bank holiday'),
	('2022-08-29', 'Summer bank holiday'),
	('2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'),
	('2022-12-26', 'Boxing Day'),
	('2022-12-27', 'Christmas Day (substitute day)'),
	('2023-01-02', 'New Year''s Day (substitute day)'),
	('2023-04-07', 'Good Friday'),
	('2023-04-10', 'Easter Monday'),
	('2023-05-01', 'Early May bank holiday'),
	('2023-05-08', 'Bank holiday for the coronation of King Charles III'),
	('2023-05-29', 'Spring bank holiday'),
	('2023-08-28', 'Summer bank holiday'),
	('2023-12-25', 'Christmas Day'),
	('2023-12-26', 'Boxing Day'),
	('2024-01-01', 'New Year''s Day'),
	('2024-03-29', 'Good Friday'),
	('2024-04-01', 'Easter Monday'),
	('2024-05-06', 'Early May bank holiday'),
	('2024-05-27', 'Spring bank holiday'),
	('2024-08-26', 'Summer bank holiday'),
	('2024-12-25', 'Christmas Day'),
	('2024-12-26', 'Boxing Day'),
	('2025-01-01', 'New Year''s Day'),
	('2025-04-18', 'Good Friday'),
	('2025-04-21', 'Easter Monday'),
	('2025-05-05', 'Early May bank holiday'),
	('2025-05-26', 'Spring bank holiday'),
	('2025-08-25', 'Summer bank holiday'),
	('2025-12-25', 'Christmas Day'),
	('2025-12-26', 'Boxing Day'),
	('2026-01-01', 'New Year''s Day'),
	('2026-04-03', 'Good Friday'),
	('2026-04-06', 'Easter Monday'),
	('2026-05-04', 'Early May bank holiday'),
	('2026-05-25', 'Spring bank holiday'),
	('2026-08-31', 'Summer bank holiday'),
	('2026-12-25', 'Christmas Day'),
	('2026-12-28', 'Boxing Day (substitute day)'),
	('2027-01-01', 'New Year''s Day'),
	('2027-03-26', 'Good Friday'),
	('2027-03-29', 'Easter Monday'),
	('2027-05-03', 'Early May bank holiday'),
	('2027-05-31', 'Spring bank holiday'),
	('2027-08-30', 'Summer bank holiday'),
	('2027-12-27', 'Christmas Day (substitute day)'),
	('2027-12-28', 'Boxing Day (substitute day)'),
	('2028-01-03', 'New Year''s Day (substitute day)'),
	('2028-04-14', 'Good Friday'),
	('2028-04-17', 'Easter Monday'),
	('2028-05-01', 'Early May bank holiday'),
	('2028-05-29', 'Spring bank holiday'),
	('2028-08-28', 'Summer bank holiday'),
	('2028-12-25', 'Christmas Day'),
	('2028-12-26', 'Boxing Day'),
	('2029-01-01', 'New Year''s Day'),
	('2029-03-30', 'Good Friday'),
	('2029-04-02', 'Easter Monday'),
	('2029-05-07', 'Early May bank holiday'),
	('2029-05-28', 'Spring bank holiday'),
	('2029-08-27', 'Summer bank holiday'),
	('2029-12-25', 'Christmas Day'),
	('2029-12-26', 'Boxing Day'),
	('2030-01-01', 'New Year''s Day'),
	('2030-04-19', 'Good Friday'),
	('2030-04-22', 'Easter Monday'),
	('2030-05-06', 'Early May bank holiday'),
	('2030-05-27', 'Spring bank holiday'),
	('2030-08-26', 'Summer bank holiday'),
	('2030-12-25', 'Christmas Day'),
	('2030-12-26', 'Boxing Day')
) AS v (day, name)
ON CONFLICT (region, day) DO NOTHING;

-- The team that co-ordinates the Case Review (config case_review_team, a
-- team of the receiving agency), fixed when the application is received,
-- so the milestones stay on that team's queue whatever the configuration
-- says later. NULL: the agency has no such team.
ALTER TABLE case_review_application
    ADD COLUMN team_id bigint REFERENCES team (id),
    -- Recorded with the review held: whether the victim was invited.
    ADD COLUMN victim_invited boolean,
    -- The staff form's optimistic lock, as monitored_case.version.
    ADD COLUMN version integer NOT NULL DEFAULT 1;

-- What a milestone asks, for people (the queues' label).
CREATE FUNCTION case_review_milestone_label(kind text, reference text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE kind
	    WHEN 'acknowledge' THEN 'Acknowledge Case Review application ' || reference
	    WHEN 'decide' THEN 'Decide whether ' || reference || ' meets the threshold'
	    WHEN 'review' THEN 'Hold the Case Review for ' || reference || ' (invite the victim)'
	    WHEN 'recommendations' THEN 'Recommendations and action plan for ' || reference
	    WHEN 'outcome_letter' THEN 'Send the outcome letter for ' || reference
	    WHEN 'appeal' THEN 'Appeal window closes for ' || reference
	    ELSE kind || ' for ' || reference END
$$;
GRANT EXECUTE ON FUNCTION case_review_milestone_label(text, text) TO PUBLIC;

-- Milestones not done, for the co-ordinator team: due at the end of the
-- due day in Europe/London (overdue from the day after). A security
-- invoker view, so the register's row security applies to whoever reads
-- it: a view runs as its owner otherwise, and the owner (the migrating
-- superuser) is not bound by row security.
CREATE OR REPLACE VIEW case_work_milestone WITH (security_invoker = true) AS
    SELECT a.case_id, a.id AS application_id, 'milestone'::text AS kind,
        case_review_milestone_label(m.kind, a.reference) AS label,
        ((m.due_on + 1)::timestamp AT TIME ZONE 'Europe/London') AS due_at,
        NULL::bigint AS user_id, a.team_id, a.agency_id,
        ('/staff/case-review/' || a.reference) AS path
    FROM case_review_milestone m
    JOIN case_review_application a ON a.id = m.application_id
    WHERE m.done_at IS NULL;
-- The same for the union every queue reads, for the same reason (each
-- part's own view is made a security invoker one in its own migration).
ALTER VIEW case_work SET (security_invoker = true);
