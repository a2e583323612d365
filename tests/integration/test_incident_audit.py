"""Changes to an incident write exactly one audit row, with the fields'
before and after values and the reason; closing and reopening need the
right and a reason."""
import re

import psycopg2
import pytest

from stack import URL, ctl, read_conf
from staff import as_role, csrf_of


@pytest.fixture
def incident():
    """A fresh police incident shared with the partnership, made as the owner."""
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("INSERT INTO incident (reference, channel, asb_type_id, description, "
                    "owning_agency_id, sharing, status) SELECT 'ASB-' || to_char(now(), 'YYYY') "
                    "|| '-' || lpad(nextval('incident_ref_seq')::text, 6, '0'), 'police', "
                    "(SELECT min(id) FROM asb_type), 'Audit test incident', id, "
                    "'partnership', 'open' FROM agency WHERE code = 'city-police' "
                    "RETURNING id, reference")
        row = cur.fetchone()
    conn.close()
    return {"id": row[0], "ref": row[1]}


def audit_rows(db, incident_id, since):
    with db.cursor() as cur:
        cur.execute("SELECT action, before, after, reason, actor_id FROM audit_event "
                    "WHERE entity = 'incident' AND entity_id = %s AND id > %s "
                    "AND action NOT IN ('view', 'view_history') ORDER BY id",
                    (str(incident_id), since))
        return cur.fetchall()


def max_id(db):
    with db.cursor() as cur:
        cur.execute("SELECT coalesce(max(id), 0) FROM audit_event")
        return cur.fetchone()[0]


def change(s, ref, status, reason="", version=None, outcome=""):
    page = s.get(URL + "/staff/incidents/" + ref)
    if version is None:
        version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
    return s.post(URL + "/staff/incidents/%s/status" % ref,
                  data={"csrf": csrf_of(page.text), "status": status, "reason": reason,
                        "outcome": outcome, "version": version}, allow_redirects=False)


def test_a_status_change_writes_exactly_one_audit_row(db, incident):
    s = as_role("police_officer")
    before = max_id(db)
    r = change(s, incident["ref"], "in_progress")
    assert r.status_code == 303
    rows = audit_rows(db, incident["id"], before)
    assert len(rows) == 1
    action, b, a, reason, actor = rows[0]
    assert action == "update"
    assert b == {"status": "open"} and a == {"status": "in_progress"}
    assert reason is None and actor is not None
    assert "In progress" in s.get(URL + "/staff/incidents/" + incident["ref"]).text


def test_no_change_writes_no_row(db, incident):
    s = as_role("police_officer")
    before = max_id(db)
    assert change(s, incident["ref"], "open").status_code == 303
    assert audit_rows(db, incident["id"], before) == []


def test_closing_needs_the_right_and_a_reason(db, incident):
    officer = as_role("police_officer")
    r = change(officer, incident["ref"], "closed", reason="resolved")
    assert r.status_code == 403
    supervisor = as_role("police_supervisor")
    r = change(supervisor, incident["ref"], "closed")
    assert r.status_code == 400
    assert "Enter why the incident is being closed or reopened" in r.text
    r = change(supervisor, incident["ref"], "closed", reason="Resolved after a visit")
    assert r.status_code == 400
    assert "Select the outcome of closing it" in r.text
    before = max_id(db)
    r = change(supervisor, incident["ref"], "closed", reason="Resolved after a visit",
               outcome="resolved")
    assert r.status_code == 303
    r = change(supervisor, incident["ref"], "open")
    assert r.status_code == 400
    r = change(supervisor, incident["ref"], "open", reason="New reports came in")
    assert r.status_code == 303
    rows = audit_rows(db, incident["id"], before)
    assert [(x[0], x[1], x[2], x[3]) for x in rows] == [
        ("close", {"status": "open"}, {"status": "closed", "outcome": "resolved"},
         "Resolved after a visit"),
        ("reopen", {"status": "closed"}, {"status": "open"}, "New reports came in"),
    ]


def test_a_stale_form_is_409_and_changes_nothing(db, incident):
    s = as_role("council_officer")
    r = change(s, incident["ref"], "monitoring", version="999")
    assert r.status_code == 409
    with db.cursor() as cur:
        cur.execute("SELECT status FROM incident WHERE id = %s", (incident["id"],))
        assert cur.fetchone()[0] == "open"


def test_viewing_and_searching_are_audited(db, incident):
    s = as_role("council_officer")
    before = max_id(db)
    s.get(URL + "/staff/incidents?q=Audit+test")
    s.get(URL + "/staff/incidents/" + incident["ref"])
    with db.cursor() as cur:
        cur.execute("SELECT action, entity_id, after FROM audit_event WHERE id > %s "
                    "AND entity = 'incident' ORDER BY id", (before,))
        rows = cur.fetchall()
    assert rows[0][0] == "search" and rows[0][2]["query"] == "Audit test"
    assert rows[1][:2] == ("view", str(incident["id"]))


def test_the_audit_chain_verifies_after_all_this():
    r = ctl("audit", "verify", check=False)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "audit trail intact" in r.stdout


def test_history_page_shows_who_what_and_why(db, incident):
    supervisor = as_role("police_supervisor")
    assert change(supervisor, incident["ref"], "closed", reason="Resolved <after> a visit",
                  outcome="no_further_action").status_code == 303
    page = supervisor.get(URL + "/staff/incidents/%s/history" % incident["ref"])
    assert page.status_code == 200
    assert "Sgt Sam Supervisor" in page.text
    assert "Resolved &lt;after&gt; a visit" in page.text
    # The statuses as the history page words them (pages/history.c).
    assert re.search(r"\bOpen\b", page.text) and re.search(r"\bClosed\b", page.text)
    # Another agency may not read the history of a record it may not see.
    with db.cursor() as cur:
        cur.execute("UPDATE incident SET sharing = 'agency' WHERE id = %s", (incident["id"],))
    council = as_role("council_officer")
    assert council.get(URL + "/staff/incidents/%s/history" % incident["ref"]).status_code == 404
    assert council.get(URL + "/staff/incidents/" + incident["ref"]).status_code == 404
