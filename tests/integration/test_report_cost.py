"""What one public report asks of PostgreSQL (README "Performance"): its
round trips are its cost, so the form's submit reads nothing twice and
takes its reference in the insert. Counted from PostgreSQL's log with
log_statement = 'all', as scripts/bench captures a report."""
import os
import re

import psycopg2
import requests

from stack import URL, VAR, children, drop_app_connections, read_conf, read_pid, wait_for
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


QUESTIONS = "FROM asb_type t LEFT JOIN question q"


def fcgi_workers():
    return len(children(read_pid("concord-fcgi")))


def kept_in_every_worker(s):
    """Has every worker read and kept the type of s's draft (the check
    page reads it): requests go to whichever worker is free, so three for
    each."""
    for _ in range(3 * fcgi_workers()):
        assert s.get(URL + "/report/check", allow_redirects=False).status_code == 200


def test_a_public_report_reads_its_type_with_its_questions_once_per_worker():
    """Each worker keeps what it read of a type (domain/asb_catalogue.c):
    a submit reads the type and its questions only when the worker that
    takes it has not read them yet, and never its type alone."""
    workers = fcgi_workers()
    assert workers >= 1
    reads = []
    for _ in range(2 * workers + 2):
        s = requests.Session()
        to_check(s)
        form = check_form(s)
        ran = statements_of(lambda: s.post(URL + "/report/submit", data=form))
        ref, _, _ = done(s)
        assert ref
        assert [x for x in ran if "INSERT INTO report " in x], ran
        assert not [x for x in ran if re.search(r"FROM asb_type WHERE code", x)], ran
        # The reference is taken by the statement that begins the report.
        assert not [x for x in ran if x.strip() == "SELECT next_reference()"], ran
        reads.append(len([x for x in ran if QUESTIONS in x]))
    assert max(reads) <= 1, reads
    # The check page, just before, read them in some worker; at most one
    # first read per worker.
    assert sum(reads) <= workers, (reads, workers)


def test_a_question_added_while_workers_keep_the_type_is_asked(db):
    """An administrator adds a required question after the workers kept
    the type: the submit does not send the report without it (the kept
    questions are checked against the catalogue's version in the report's
    transaction) but asks it, and nothing is saved."""
    s = requests.Session()
    to_check(s)
    form = check_form(s)
    kept_in_every_worker(s)
    with db.cursor() as cur:
        cur.execute("INSERT INTO question (asb_type_id, key, label, kind, required, sort_order) "
                    "SELECT id, 'added_while_kept', 'Has it happened at night?', 'yes_no', "
                    "true, 99 FROM asb_type WHERE code = 'noise-shouting-banging' "
                    "RETURNING id")
        qid = cur.fetchone()[0]
    try:
        r = s.post(URL + "/report/submit", data=form, allow_redirects=False)
        assert r.status_code == 303, (r.status_code, r.text[:500])
        where = r.headers["Location"]
        if where == "/report/check":
            where = s.get(URL + where, allow_redirects=False).headers["Location"]
        assert where == "/report/questions/3", where      # after NOISE_ANSWERS' two
        page = s.get(URL + where).text
        assert "Has it happened at night?" in page
        with db.cursor() as cur:
            cur.execute("SELECT count(*) FROM report WHERE idempotency_key = %s",
                        (form["idempotency-key"],))
            assert cur.fetchone()[0] == 0
    finally:
        with db.cursor() as cur:
            cur.execute("DELETE FROM question WHERE id = %s", (qid,))


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
    # Allocation writes its own audit row with the allocations
    # (domain/allocate.c), after the report's plan is known.
    audits = [s for s in ran if "INSERT INTO audit_event " in s and "allocation_write" not in s]
    assert len([s for s in ran if "allocation_write" in s]) == 1, ran
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


def test_a_report_whose_worker_lost_its_connection_is_still_taken(db):
    """With the type kept, a submit's first statement is the one that
    begins its transaction (BEGIN and report_begin in one round trip,
    store/pg.c pg_begin_exec). When the server has closed the worker's
    connection meanwhile, the worker connects again and the report is
    taken once."""
    s = requests.Session()
    to_check(s)
    form = check_form(s)
    kept_in_every_worker(s)
    drop_app_connections(db)
    r = s.post(URL + "/report/submit", data=form, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/report/done", (
        r.status_code, r.text[:300])
    ref, _, _ = done(s)
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM report WHERE idempotency_key = %s",
                    (form["idempotency-key"],))
        assert cur.fetchone()[0] == 1
    assert ref
