"""What one public report asks of PostgreSQL (README "Performance"): its
round trips are its cost, so the form's submit reads nothing twice and
takes its reference in the insert. Counted from PostgreSQL's log with
log_statement = 'all', as scripts/bench captures a report."""
import os
import re

import psycopg2

from stack import URL, VAR, read_conf, wait_for
from test_report_form import done, no_rate_limit, to_check
from test_report_submit import check_form

assert no_rate_limit  # the fixture, imported to take effect here

STATEMENT = re.compile(r"concord_app@\S+ LOG:  (?:execute [^:]+|statement): (.*)")


def set_log_statement(value):
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    with conn.cursor() as cur:
        if value is None:
            cur.execute("ALTER SYSTEM RESET log_statement")
        else:
            cur.execute("ALTER SYSTEM SET log_statement = %s", (value,))
        cur.execute("SELECT pg_reload_conf()")
    conn.close()


def logged_now(value):
    conn = psycopg2.connect(read_conf()["db_admin"])
    try:
        with conn.cursor() as cur:
            cur.execute("SHOW log_statement")
            return cur.fetchone()[0] == value
    finally:
        conn.close()


def statements_of(action):
    """What concord_app ran during action(), in order."""
    log = os.path.join(VAR, "pg", "postgres.log")
    set_log_statement("all")
    try:
        wait_for(lambda: logged_now("all"), what="log_statement = 'all'")
        start = os.path.getsize(log)
        action()
    finally:
        set_log_statement(None)
    with open(log, errors="replace") as f:
        f.seek(start)
        return STATEMENT.findall(f.read())


def test_a_public_report_reads_its_type_with_its_questions_once(http):
    to_check(http)
    form = check_form(http)
    ran = statements_of(lambda: http.post(URL + "/report/submit", data=form))
    ref, _, _ = done(http)
    assert ref
    assert [s for s in ran if "INSERT INTO report " in s], ran
    questions = [s for s in ran if "FROM asb_type t LEFT JOIN question q" in s]
    types = [s for s in ran if re.search(r"FROM asb_type WHERE code", s)]
    assert len(questions) == 1, questions
    assert types == [], types
    # The reference is taken by the insert that uses it.
    assert not [s for s in ran if s.strip() == "SELECT next_reference()"], ran


def test_a_public_report_sets_its_actor_once_and_audits_and_mails_in_one_insert(http):
    """The owner is decided and made the actor in one statement (not a
    look-up, then set_config again; and the public is never the actor),
    and the report's two audit rows go in one insert with the confirmation
    mail's job (README "Performance")."""
    to_check(http)
    form = check_form(http)
    ran = statements_of(lambda: http.post(URL + "/report/submit", data=form))
    ref, _, _ = done(http)
    assert ref
    actors = [s for s in ran if "set_config('concord.agency_id'" in s]
    audits = [s for s in ran if "INSERT INTO audit_event " in s]
    # The owner's, set by the statement that picks the owner: no look-up
    # of its own.
    assert len(actors) == 1, actors
    assert any("FROM agency WHERE active AND core_partner" in s for s in actors), actors
    assert not [s for s in ran if s.startswith("SELECT id FROM agency")], ran
    assert len(audits) == 1, audits
    assert "), (" in audits[0], audits[0]
    # The confirmation mail's job goes in with them.
    assert "INSERT INTO outbox" in audits[0], audits[0]
    assert not [s for s in ran if "outbox" in s and s is not audits[0]], ran
    conn = psycopg2.connect(read_conf()["db_admin"])
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT e.entity, e.action, e.agency_id FROM audit_event e "
                "JOIN report r ON e.entity = 'report' AND e.entity_id = r.id::text "
                "OR e.entity = 'incident' AND e.entity_id = r.incident_id::text "
                "WHERE r.reference = %s AND e.after->>'reference' = %s ORDER BY e.id",
                (ref, ref))
            rows = cur.fetchall()
    finally:
        conn.close()
    assert [r[0] for r in rows] == ["report", "incident"], rows
    assert rows[0][2] is not None and rows[0][2] == rows[1][2], rows
