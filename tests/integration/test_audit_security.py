"""Who may read the audit trail, who may write to it, and where a miss is
filed (sql/migrations/0017_audit_security.sql).

Row security is checked in SQL, connected as the application's role with
the settings a domain transaction sets (fcgi/domain/tx.c); the pages that
read the trail are checked over HTTP."""
import html
import re
import uuid

import psycopg2
import psycopg2.errors
import pytest

from stack import URL, read_conf
from staff import as_role, csrf_of, demo_user


def admin_conn():
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    return conn


def app_conn():
    """The application's own role, exactly as a web worker connects."""
    return psycopg2.connect(read_conf()["db"])


def one(cur, sql, *args):
    cur.execute(sql, args)
    return cur.fetchone()[0]


def ids_of(cur, role):
    """(user id, agency id) of a demo user."""
    cur.execute("SELECT id, agency_id FROM app_user WHERE email = %s",
                (demo_user(role)["email"],))
    return cur.fetchone()


def acting(cur, user, agency, person_view="1"):
    cur.execute("SELECT set_config('concord.user_id', %s, true), "
                "set_config('concord.agency_id', %s, true), "
                "set_config('concord.person_view', %s, true)",
                (str(user), str(agency), person_view))


def make_police_only(cur, what):
    """A police incident shared with no one, reported a month ago (so that
    it stays off the first page of the lists). Returns (id, reference)."""
    cur.execute("INSERT INTO incident (reference, channel, asb_type_id, description, "
                "owning_agency_id, sharing, status, reported_at) SELECT "
                "next_reference(), 'police', (SELECT min(id) FROM asb_type), %s, id, "
                "'agency', 'new', now() - interval '30 days' FROM agency "
                "WHERE code = 'city-police' RETURNING id, reference", (what,))
    return cur.fetchone()


@pytest.fixture(scope="module")
def incident():
    conn = admin_conn()
    with conn.cursor() as cur:
        iid, ref = make_police_only(cur, "audit security test: police only")
    conn.close()
    return {"id": iid, "ref": ref}


def add_update(session, ref, text, shared):
    page = session.get(URL + "/staff/incidents/" + ref)
    assert page.status_code == 200, page.text[:300]
    version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
    return session.post(URL + "/staff/incidents/%s/updates" % ref, allow_redirects=False,
                        data={"csrf": csrf_of(page.text), "version": version,
                              "text": text, "shared": "yes" if shared else "no"})


def history_rows(session, ref):
    """The rows of an incident's history page, as text."""
    page = session.get(URL + "/staff/incidents/%s/history" % ref)
    assert page.status_code == 200, page.text[:300]
    body = re.search(r'<tbody class="govuk-table__body">(.*?)</tbody>', page.text, re.S)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1), re.S) if body else []
    return [html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", r))).strip()
            for r in rows]


# --- reading: a row about a record follows the record ---------------------

def test_only_agencies_that_see_the_incident_read_its_audit_rows(incident):
    secret = "Staff only: informant is %s" % uuid.uuid4().hex
    police = as_role("police_officer")
    assert add_update(police, incident["ref"], secret, shared=False).status_code == 303
    conn = app_conn()
    try:
        with conn.cursor() as cur:
            seen = {}
            for role in ("police_officer", "council_officer", "partner_reporter"):
                acting(cur, *ids_of(cur, role))
                seen[role] = (
                    one(cur, "SELECT count(*) FROM audit_event WHERE entity = 'incident' "
                             "AND entity_id = %s", str(incident["id"])),
                    one(cur, "SELECT count(*) FROM audit_event WHERE after->>'text' = %s",
                        secret))
                conn.rollback()
    finally:
        conn.close()
    # The police's own: the update (with its text) and the page views.
    assert seen["police_officer"][0] >= 2 and seen["police_officer"][1] == 1
    # Not the council's or the housing provider's, not even the text.
    assert seen["council_officer"] == (0, 0)
    assert seen["partner_reporter"] == (0, 0)


def test_the_trail_follows_the_record_when_it_is_shared(incident):
    conn = admin_conn()
    with conn.cursor() as cur:
        iid, ref = make_police_only(cur, "audit security test: shared later")
    police = as_role("police_officer")
    assert police.get(URL + "/staff/incidents/" + ref).status_code == 200
    app = app_conn()
    try:
        with app.cursor() as cur:
            def council_sees():
                acting(cur, *ids_of(cur, "council_officer"))
                n = one(cur, "SELECT count(*) FROM audit_event WHERE entity = 'incident' "
                             "AND entity_id = %s", str(iid))
                app.rollback()
                return n
            assert council_sees() == 0
            with conn.cursor() as adm:
                adm.execute("UPDATE incident SET sharing = 'partnership' WHERE id = %s",
                            (iid,))
            assert council_sees() >= 1
    finally:
        app.close()
        conn.close()


def test_staff_without_person_view_do_not_read_person_views(incident):
    conn = admin_conn()
    with conn.cursor() as cur:
        cur.execute("INSERT INTO person (owning_agency_id, given_name) SELECT id, "
                    "'Audit Test' FROM agency WHERE code = 'city-police' RETURNING id")
        pid = cur.fetchone()[0]
        user, agency = ids_of(cur, "police_officer")
        cur.execute("INSERT INTO audit_event (actor_id, agency_id, entity, entity_id, "
                    "action) VALUES (%s, %s, 'person', %s, 'view')", (user, agency, str(pid)))
    conn.close()
    app = app_conn()
    try:
        with app.cursor() as cur:
            counts = []
            for view in ("1", "0"):
                acting(cur, user, agency, person_view=view)
                counts.append(one(cur, "SELECT count(*) FROM audit_event WHERE "
                                       "entity = 'person' AND entity_id = %s", str(pid)))
                app.rollback()
    finally:
        app.close()
    assert counts == [1, 0]


def test_rows_about_no_record_stay_with_the_agency_that_wrote_them():
    q = "search-%s" % uuid.uuid4().hex
    police = as_role("police_officer")
    assert police.get(URL + "/staff/incidents", params={"q": q}).status_code == 200
    app = app_conn()
    try:
        with app.cursor() as cur:
            seen = {}
            for role in ("police_supervisor", "council_manager"):
                acting(cur, *ids_of(cur, role))
                seen[role] = one(cur, "SELECT count(*) FROM audit_event WHERE "
                                      "action = 'search' AND after->>'query' = %s", q)
                app.rollback()
    finally:
        app.close()
    assert seen == {"police_supervisor": 1, "council_manager": 0}


def test_pages_that_read_the_trail_still_show_it(incident):
    police = as_role("police_officer")
    assert police.get(URL + "/staff/incidents/" + incident["ref"]).status_code == 200
    rows = history_rows(police, incident["ref"])
    assert any("View" in r for r in rows), rows
    mine = police.get(URL + "/staff/me/history")
    assert mine.status_code == 200 and "View" in mine.text
    team = as_role("police_supervisor").get(URL + "/staff/activity")
    assert team.status_code == 200 and "Viewed history" in team.text
    # Administrators manage every agency's staff: the police's administrator
    # sees a council officer's sign-ins on that user's history.
    as_role("council_officer")
    conn = admin_conn()
    with conn.cursor() as cur:
        council_user, _ = ids_of(cur, "council_officer")
    conn.close()
    page = as_role("administrator").get(URL + "/admin/users/%d/history" % council_user)
    assert page.status_code == 200 and "Sign in" in page.text


# --- writing: only as the transaction's own actor and agency --------------

INSERT = ("INSERT INTO audit_event (actor_id, agency_id, entity, entity_id, action) "
          "VALUES (%s, %s, 'audit-test', %s, 'forge')")


def try_insert(conn, settings, actor, agency):
    """True when the application role may add a row by actor for agency
    in a transaction whose settings are (user, agency); rolled back."""
    with conn.cursor() as cur:
        acting(cur, *settings)
        try:
            cur.execute(INSERT, (actor, agency, uuid.uuid4().hex))
            return True
        except psycopg2.errors.InsufficientPrivilege:
            return False
        finally:
            conn.rollback()


def test_a_row_can_be_added_only_as_the_transactions_own_actor_and_agency():
    conn = app_conn()
    try:
        with conn.cursor() as cur:
            officer, police = ids_of(cur, "police_officer")
            supervisor, _ = ids_of(cur, "police_supervisor")
            _, council = ids_of(cur, "council_officer")
        conn.rollback()
        me = (officer, police)
        assert try_insert(conn, me, officer, police)
        assert not try_insert(conn, me, supervisor, police)     # another actor
        assert not try_insert(conn, me, officer, council)       # another agency
        assert not try_insert(conn, me, None, police)           # "the system"
        assert not try_insert(conn, me, officer, None)
        # The public (user 0) act for the agency taking their report, or none.
        assert try_insert(conn, (0, police), None, police)
        assert try_insert(conn, (0, 0), None, None)
        assert not try_insert(conn, (0, police), officer, police)
        assert not try_insert(conn, (0, 0), None, police)
    finally:
        conn.close()


# --- a miss is about no record ---------------------------------------------

def test_a_colleague_asking_for_an_incident_they_cannot_see_is_not_in_its_history(
        incident, db):
    council = as_role("council_officer")
    before = one(db.cursor(), "SELECT coalesce(max(id), 0) FROM audit_event")
    for asked in (incident["ref"], str(incident["id"])):
        assert council.get(URL + "/staff/incidents/" + asked).status_code == 404
        assert council.get(URL + "/staff/incidents/%s/history" % asked).status_code == 404
    r = council.post(URL + "/staff/incidents/%s/updates" % incident["id"],
                     allow_redirects=False, data={
                         "csrf": csrf_of(council.get(URL + "/staff").text),
                         "version": "1", "text": "Not stored.", "shared": "no"})
    assert r.status_code == 404
    police = as_role("police_officer")
    assert police.get(URL + "/staff/incidents/" + incident["ref"]).status_code == 200
    rows = history_rows(police, incident["ref"])
    name = demo_user("council_officer")["name"]
    assert rows, "the police's own view should be there"
    assert not [r for r in rows if "Not found" in r or name in r], rows
    # Kept for security review: who asked, for what, in their own agency.
    with db.cursor() as cur:
        cur.execute("SELECT e.entity_id, e.after->>'record', e.after->>'asked', a.code "
                    "FROM audit_event e JOIN agency a ON a.id = e.agency_id "
                    "WHERE e.id > %s AND e.action = 'not_found' AND e.entity = 'lookup' "
                    "AND e.actor_id = (SELECT id FROM app_user WHERE email = %s) "
                    "ORDER BY e.id", (before, demo_user("council_officer")["email"]))
        rows = cur.fetchall()
    assert [r[2] for r in rows] == [incident["ref"], incident["ref"],
                                    str(incident["id"]), str(incident["id"]),
                                    str(incident["id"])]
    assert {(r[0], r[1], r[3]) for r in rows} == {(None, "incident", "city-council")}


def test_asking_for_what_does_not_exist_yet_stays_out_of_its_history(db):
    police = as_role("police_officer")
    with db.cursor() as cur:
        cur.execute("SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END "
                    "FROM incident_id_seq")
        next_id = cur.fetchone()[0]
        cur.execute("SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END, "
                    "to_char(now() AT TIME ZONE 'Europe/London', 'YYYY') "
                    "FROM incident_ref_seq")
        next_ref, year = cur.fetchone()
    asked = [str(next_id + k) for k in range(3)] + \
        ["ASB-%s-%06d" % (year, next_ref + k) for k in range(3)]
    for a in asked:
        assert police.get(URL + "/staff/incidents/" + a).status_code == 404
    with db.cursor() as cur:
        iid, ref = make_police_only(cur, "audit security test: came to exist")
    assert str(iid) in asked and ref in asked, (iid, ref, asked)
    assert police.get(URL + "/staff/incidents/" + ref).status_code == 200
    rows = history_rows(police, ref)
    assert rows and not [r for r in rows if "Not found" in r], rows


def test_what_was_asked_for_is_kept_bounded_and_printable(db):
    police = as_role("police_officer")
    before = one(db.cursor(), "SELECT coalesce(max(id), 0) FROM audit_event")
    asked = "ASB-%E2%80%8B2026\\" + "9" * 200
    assert police.get(URL + "/staff/incidents/" + asked).status_code == 404
    with db.cursor() as cur:
        cur.execute("SELECT after->>'asked', (after->>'length')::int FROM audit_event "
                    "WHERE id > %s AND entity = 'lookup' ORDER BY id DESC LIMIT 1", (before,))
        shown, length = cur.fetchone()
    assert shown.startswith("ASB-\\xe2\\x80\\x8b2026\\x5c999")
    assert len(shown) <= 80 and length == len("ASB-") + 3 + 4 + 1 + 200
