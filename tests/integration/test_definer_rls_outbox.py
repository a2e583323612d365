"""Look-ups that run as their owner, the owner and sharing of a record on
UPDATE, and what the outbox keeps (sql/migrations/0018_definer_rls_outbox.sql),
checked in SQL as the roles the programs connect as: concord_app (db, the
web workers) and concord_worker (db_worker, the job daemon), with the
transaction settings domain/tx.c sets."""
import hashlib
import json
import os
import secrets
import uuid

import psycopg2
import psycopg2.errors
import pytest

from stack import ctl, read_conf, wait_for

AGENCIES = ("city-police", "city-council", "hackney-homes")


def admin_conn():
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    return conn


def role_conn(key):
    """A connection as one of the programs' roles: "db" or "db_worker"."""
    conn = psycopg2.connect(read_conf()[key])
    conn.autocommit = False
    return conn


def act(cur, agency_id, user_id=0, person_view=False):
    cur.execute("SELECT set_config('concord.agency_id', %s, true), "
                "set_config('concord.user_id', %s, true), "
                "set_config('concord.person_view', %s, true)",
                (str(agency_id), str(user_id), "1" if person_view else "0"))


def run(key, sql, params=(), agency=None, person_view=False):
    """Runs one statement in a transaction of its own as role `key`, as
    agency (an id, 0 for the system; None: no settings at all), and
    returns its rows; the transaction is rolled back."""
    conn = role_conn(key)
    try:
        with conn.cursor() as cur:
            if agency is not None:
                act(cur, agency, person_view=person_view)
            cur.execute(sql, params)
            return cur.fetchall() if cur.description else cur.rowcount
    finally:
        conn.rollback()
        conn.close()


@pytest.fixture(scope="module")
def world():
    """Made as the database owner, removed afterwards: a police-only and a
    police partnership incident, each with a piece of evidence; on the
    partnership one, a report by someone who asked for email updates (a
    police-owned, partnership-shared person)."""
    conn = admin_conn()
    tag = uuid.uuid4().hex[:10]
    w = {"email": "reporter-%s@example.org" % tag}
    with conn.cursor() as cur:
        cur.execute("SELECT code, id FROM agency WHERE code = ANY (%s)", (list(AGENCIES),))
        w["agency"] = dict(cur.fetchall())
        assert set(w["agency"]) == set(AGENCIES), "the demo agencies are not loaded"
        police = w["agency"]["city-police"]
        for case, sharing in (("police_only", "agency"), ("partnership", "partnership")):
            cur.execute(
                "INSERT INTO incident (reference, channel, asb_type_id, description, "
                "owning_agency_id, sharing, reported_at) VALUES (next_reference(), "
                "'police', (SELECT min(id) FROM asb_type), %s, %s, %s, "
                "now() - interval '40 days') RETURNING id",
                ("definer/RLS test " + tag, police, sharing))
            iid = cur.fetchone()[0]
            sha = secrets.token_hex(32)
            cur.execute(
                "INSERT INTO evidence (incident_id, sha256, size, media_type, category, "
                "original_name, owning_agency_id, sharing, shared_with) "
                "SELECT id, %s, 10, 'image/jpeg', 'photo', 'x.jpg', owning_agency_id, "
                "sharing, shared_with FROM incident WHERE id = %s", (sha, iid))
            w[case] = iid
            w[case + "_sha"] = sha
        cur.execute("INSERT INTO person (owning_agency_id, sharing, given_name, email, "
                    "preferred_contact, contact_consent) VALUES (%s, 'partnership', "
                    "'Reporter', %s, 'email', true) RETURNING id", (police, w["email"]))
        w["person"] = cur.fetchone()[0]
        cur.execute("INSERT INTO report (reference, incident_id, channel, tracking_hash, "
                    "reporter_id, email_updates, owning_agency_id) VALUES "
                    "(next_reference(), %s, 'public', %s, %s, true, %s) "
                    "RETURNING id, reference",
                    (w["partnership"], hashlib.sha256(tag.encode()).hexdigest(),
                     w["person"], police))
        w["report"], w["report_ref"] = cur.fetchone()
    yield w
    with conn.cursor() as cur:
        iids = [w["police_only"], w["partnership"]]
        cur.execute("DELETE FROM evidence WHERE incident_id = ANY (%s)", (iids,))
        cur.execute("DELETE FROM report WHERE incident_id = ANY (%s)", (iids,))
        cur.execute("DELETE FROM incident WHERE id = ANY (%s)", (iids,))
        cur.execute("DELETE FROM person WHERE id = %s", (w["person"],))
    conn.close()


# --- evidence_files_in_use: only the job daemon, only what it may see ------

IN_USE = "SELECT evidence_files_in_use(%s::text[])"


def test_the_web_role_cannot_ask_whether_a_file_is_in_use(world):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        run("db", IN_USE, ([world["police_only_sha"]],),
            agency=world["agency"]["city-council"])


def test_another_agency_is_not_told_of_a_file_in_a_record_it_cannot_see(world):
    hashes = [world["police_only_sha"], world["partnership_sha"], secrets.token_hex(32)]
    council = run("db_worker", IN_USE, (hashes,), agency=world["agency"]["city-council"])
    assert {r[0] for r in council} == {world["partnership_sha"]}
    housing = run("db_worker", IN_USE, (hashes,), agency=world["agency"]["hackney-homes"])
    assert housing == []
    # The purge acts as the system (agency 0) and is told of every row.
    system = run("db_worker", IN_USE, (hashes,), agency=0)
    assert {r[0] for r in system} == {world["police_only_sha"], world["partnership_sha"]}


def test_asking_whether_a_file_is_in_use_without_an_actor_fails(world):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="no actor"):
        run("db_worker", IN_USE, ([world["police_only_sha"]],))


def test_the_evidence_purge_runs_as_the_worker(world):
    out = ctl("evidence", "purge").stdout
    assert "stored files that no report uses removed" in out


# --- incident_update_recipients: no addresses ------------------------------

RECIPIENTS = "SELECT * FROM incident_update_recipients(%s)"


def test_staff_without_person_view_get_no_email_addresses(world):
    rows = run("db", RECIPIENTS, (world["partnership"],),
               agency=world["agency"]["city-council"])
    assert rows == [(world["report"], world["report_ref"])]
    assert world["email"] not in repr(rows) and "@" not in repr(rows)
    # Not even with person.view: the address never leaves the database.
    rows = run("db", RECIPIENTS, (world["partnership"],),
               agency=world["agency"]["city-police"], person_view=True)
    assert "@" not in repr(rows)


def test_recipients_of_an_incident_the_caller_cannot_see_are_not_given(world):
    assert run("db", RECIPIENTS, (world["partnership"],),
               agency=world["agency"]["hackney-homes"]) == []
    assert run("db", "SELECT incident_update_mail(%s, 's', 'b')", (world["report"],),
               agency=world["agency"]["hackney-homes"]) == [(None,)]


def test_recipients_without_an_actor_fails(world):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="no actor"):
        run("db", RECIPIENTS, (world["partnership"],))
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="no actor"):
        run("db", "SELECT incident_update_mail(%s, 's', 'b')", (world["report"],))


# --- owner and sharing change only by the owner ---------------------------

def as_agency_update(code, sql, params, world, person_view=False):
    return run("db", sql, params, agency=world["agency"][code], person_view=person_view)


@pytest.mark.parametrize("change", [
    "owning_agency_id = %(council)s, sharing = 'agency'",
    "sharing = 'agency'",
    "sharing = 'named', shared_with = ARRAY[%(council)s]::bigint[]",
    "owning_agency_id = %(council)s",
])
def test_the_council_cannot_take_or_reshare_a_police_incident(world, change):
    params = {"council": world["agency"]["city-council"], "id": world["partnership"]}
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="owning agency"):
        as_agency_update("city-council",
                         "UPDATE incident SET " + change + " WHERE id = %(id)s",
                         params, world)
    # What else it may change, it still may: the rule is about owner and sharing.
    assert as_agency_update("city-council", "UPDATE incident SET description = "
                            "description WHERE id = %(id)s", params, world) == 1
    # The police still see it, as it was.
    assert run("db", "SELECT owning_agency_id, sharing FROM incident WHERE id = %s",
               (world["partnership"],), agency=world["agency"]["city-police"]) \
        == [(world["agency"]["city-police"], "partnership")]


def test_the_police_may_change_the_sharing_of_their_incident(world):
    conn = role_conn("db")
    try:
        with conn.cursor() as cur:
            act(cur, world["agency"]["city-police"])
            cur.execute("UPDATE incident SET sharing = 'agency' WHERE id = %s",
                        (world["partnership"],))
            assert cur.rowcount == 1
            # Now the council no longer sees it.
            act(cur, world["agency"]["city-council"])
            cur.execute("SELECT count(*) FROM incident WHERE id = %s",
                        (world["partnership"],))
            assert cur.fetchone()[0] == 0
    finally:
        conn.rollback()
        conn.close()


def test_the_council_cannot_take_a_police_person(world):
    params = {"council": world["agency"]["city-council"], "id": world["person"]}
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="owning agency"):
        as_agency_update("city-council", "UPDATE person SET owning_agency_id = "
                         "%(council)s, sharing = 'agency' WHERE id = %(id)s",
                         params, world, person_view=True)
    assert as_agency_update("city-police", "UPDATE person SET sharing = 'agency' "
                            "WHERE id = %(id)s", params, world, person_view=True) == 1


# --- the outbox -------------------------------------------------------------

@pytest.mark.parametrize("sql", [
    "SELECT * FROM outbox",
    "SELECT count(*) FROM outbox",
    "UPDATE outbox SET relayed_at = now()",
    "DELETE FROM outbox",
])
def test_the_web_role_may_not_read_or_change_the_outbox(sql):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        run("db", sql, agency=0)


def test_the_web_role_may_add_a_job(db):
    out = ctl("notify", "--to", "nobody@example.org", "--subject", "s",
              "--body", "b").stdout
    oid = int(out.strip().split()[-1])
    with db.cursor() as cur:
        cur.execute("SELECT type FROM outbox WHERE id = %s", (oid,))
        assert cur.fetchone() == ("notify",)


def test_a_delivered_job_keeps_no_address_or_token(db):
    address = "resident-%s@example.org" % uuid.uuid4().hex[:10]
    token = secrets.token_urlsafe(32)
    body = "Track your report: /track/ASB-2026-000001?t=%s\n" % token
    out = ctl("notify", "--to", address, "--subject", "Your report", "--body", body).stdout
    oid = int(out.strip().split()[-1])
    mail = os.path.join(read_conf()["mail_outbox"], "%d.eml" % oid)
    wait_for(lambda: os.path.exists(mail), timeout=20, what="the mail file")
    assert address in open(mail).read()

    def delivered():
        with db.cursor() as cur:
            cur.execute("SELECT delivered_at, payload::text FROM outbox WHERE id = %s",
                        (oid,))
            row = cur.fetchone()
        return row if row[0] is not None else None
    _, payload = wait_for(delivered, timeout=20, what="the job marked delivered")
    assert address not in payload and token not in payload
    # What is left is a hash of what was sent, for the audit.
    kept = json.loads(payload)
    assert list(kept) == ["sha256"] and len(kept["sha256"]) == 64
    with db.cursor() as cur:
        cur.execute("SELECT after FROM audit_event WHERE entity = 'outbox' "
                    "AND entity_id = %s AND action = 'delivered'", (str(oid),))
        (after,), = cur.fetchall()
    assert after["type"] == "notify" and address not in json.dumps(after)


def test_prune_removes_old_delivered_jobs_and_keeps_undelivered_ones(db):
    rows = {}
    with db.cursor() as cur:
        for name, relayed, delivered in (
                ("old_delivered", "41 days", "40 days"),
                ("old_undelivered", "40 days", None),	# a dead letter
                ("recent_delivered", "2 days", "1 day")):
            cur.execute(
                "INSERT INTO outbox (type, payload, created_at, relayed_at, delivered_at) "
                "VALUES ('notify', '{\"sha256\": \"x\"}', now() - %s::interval, "
                "now() - %s::interval, now() - %s::interval) RETURNING id",
                (relayed, relayed, delivered))
            rows[name] = cur.fetchone()[0]
    out = ctl("outbox", "prune").stdout
    assert "delivered more than 30 days ago deleted" in out
    with db.cursor() as cur:
        cur.execute("SELECT id FROM outbox WHERE id = ANY (%s)", (list(rows.values()),))
        left = {r[0] for r in cur.fetchall()}
        cur.execute("DELETE FROM outbox WHERE id = ANY (%s)", (list(rows.values()),))
    assert left == {rows["old_undelivered"], rows["recent_delivered"]}
