-- audit_event_agency (agency_id, at) served no query: the history pages
-- read by record, by actor and by team (fcgi/domain/history.c), and row
-- security tests agency_id on rows found by those. Every audited change
-- paid for it, a public report twice (issue 9: a report's SQL was to cost
-- at most three TPC-B transactions).
DROP INDEX audit_event_agency;
