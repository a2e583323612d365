"""The audit trail's hash chains (sql/migrations/0007_audit_chain.sql) and
concordctl audit verify / head.

Rows are written as the application writes them: connected as its role,
one INSERT per event inside a transaction, under the actor and agency the
transaction's settings name (row security, 0017, refuses any other).
That role reads a row that is about no record only in the agency that
wrote it, and INSERT ... RETURNING needs to read the new row: so these
tests act for an agency (audit_append itself uses no RETURNING and works
for the public too).
Tests that tamper with a row do
so as the superuser with the refusing trigger disabled, and always put the
row back in a `finally`: other tests share this database and its chains.
"""
import hashlib
import json
import re
import time
import uuid
from datetime import datetime, timedelta, timezone

import psycopg2
import psycopg2.errors
import pytest

from stack import ctl, read_conf

STRIPES = 16
ZERO = b"\0" * 32
INTACT = re.compile(r"^audit trail intact: (\d+) events? in (\d+) chains?$", re.M)

INSERT = """
    INSERT INTO audit_event (actor_id, agency_id, entity, entity_id, action,
                             before, after, reason, request_id, client_addr)
    VALUES (%s, %s, 'audit-test', %s, %s, %s, %s, %s, %s, '127.0.0.1')
    RETURNING id, chain, seq, prev_hash, hash"""


def app_connect():
    """A connection as the application's role, as a web worker has."""
    return psycopg2.connect(read_conf()["db"], options="-c statement_timeout=10s")


def stripe(conn):
    return conn.get_backend_pid() % STRIPES


def acting(cur, agency=1, user=7):
    """The per-transaction context a domain transaction sets (0009)."""
    cur.execute("SELECT set_config('concord.agency_id', %s, true), "
                "set_config('concord.user_id', %s, true)", (str(agency), str(user)))


def insert(conn, action="update", reason=None, before=None, after=None,
           actor=7, agency=1, entity_id=None):
    """One audit row, in conn's current transaction (not committed), by
    actor for agency (None: the public)."""
    with conn.cursor() as cur:
        acting(cur, agency=agency or 0, user=actor or 0)
        cur.execute(INSERT, (actor, agency, entity_id or str(uuid.uuid4()), action,
                             before and json.dumps(before),
                             after and json.dumps(after), reason,
                             uuid.uuid4().hex))
        row = cur.fetchone()
    return {"id": row[0], "chain": row[1], "seq": row[2],
            "prev_hash": bytes(row[3]), "hash": bytes(row[4])}


def pair(same_chain):
    """Two application connections whose rows go to different chains (or,
    with same_chain, to the same one). Seventeen connections always hold
    two on the same stripe."""
    opened = []
    try:
        for _ in range(STRIPES + 1):
            conn = app_connect()
            for other in opened:
                if (stripe(other) == stripe(conn)) == same_chain:
                    opened.remove(other)
                    return other, conn
            opened.append(conn)
        raise AssertionError("no two connections on the wanted stripes")
    finally:
        for conn in opened:
            conn.close()


def verify():
    r = ctl("audit", "verify", check=False)
    return r.returncode, r.stdout + r.stderr


def assert_intact():
    rc, out = verify()
    assert rc == 0 and INTACT.search(out), out
    return out


def count_rows(db):
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM audit_event")
        return cur.fetchone()[0]


def row(db, event_id, columns="*"):
    with db.cursor() as cur:
        cur.execute(f"SELECT {columns} FROM audit_event WHERE id = %s", (event_id,))
        return cur.fetchone()


def without_trigger(db, trigger, sql, params=()):
    """Runs sql as the superuser with one of audit_event's triggers off, in
    one transaction: no other session ever sees the trigger disabled."""
    with db.cursor() as cur:
        cur.execute("BEGIN")
        try:
            cur.execute("SET LOCAL lock_timeout = '10s'")
            cur.execute(f"ALTER TABLE audit_event DISABLE TRIGGER {trigger}")
            cur.execute(sql, params)
            cur.execute(f"ALTER TABLE audit_event ENABLE TRIGGER {trigger}")
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise


def test_rows_from_two_connections_form_chains_that_verify(db):
    a, b = pair(same_chain=False)
    stripes = (stripe(a), stripe(b))
    try:
        rows_a = []
        for i in range(3):
            rows_a.append(insert(a, reason=f"a{i}", before={"status": "open"},
                                 after={"status": "closed"}))
            a.commit()
        rows_b = [insert(b, action="view") for _ in range(2)]
        b.commit()
        with b.cursor() as cur:  # several rows in one statement
            acting(cur)
            cur.execute("""
                INSERT INTO audit_event (actor_id, agency_id, entity, entity_id, action)
                SELECT 7, 1, 'audit-test', g::text, 'export' FROM generate_series(1, 3) g
                RETURNING id, chain, seq""")
            multi = cur.fetchall()
        b.commit()
    finally:
        a.close()
        b.close()

    for rows, mine in zip((rows_a, rows_b), stripes):
        assert {r["chain"] for r in rows} == {mine}
        assert [r["seq"] for r in rows] == list(range(rows[0]["seq"], rows[0]["seq"] + len(rows)))
        for prev, cur in zip(rows, rows[1:]):
            assert cur["prev_hash"] == prev["hash"]
    assert [m[2] for m in multi] == [rows_b[-1]["seq"] + i for i in (1, 2, 3)]
    assert {m[1] for m in multi} == {stripes[1]}

    n_before = count_rows(db)
    out = assert_intact()
    n_after = count_rows(db)
    events, chains = map(int, INTACT.search(out).groups())
    assert n_before <= events <= n_after
    assert chains >= 2


def test_the_public_with_no_agency_context_can_append_as_audit_append_does(db):
    conn = app_connect()
    entity_id = str(uuid.uuid4())
    try:
        with conn.cursor() as cur:
            acting(cur, agency=0, user=0)
            # audit_append's statement (fcgi/domain/audit.c), no RETURNING.
            cur.execute("""
                INSERT INTO audit_event (actor_id, agency_id, entity, entity_id,
                    action, before, after, reason, request_id, client_addr)
                VALUES (NULL, NULL, 'audit-test', %s, 'view', NULL, NULL, NULL,
                        NULL, '192.0.2.1')""", (entity_id,))
        conn.commit()
    finally:
        conn.close()
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM audit_event WHERE entity_id = %s", (entity_id,))
        assert cur.fetchone()[0] == 1
    assert_intact()


def test_the_application_role_cannot_change_or_remove_audit_rows():
    conn = app_connect()
    try:
        event = insert(conn)
        conn.commit()
        for sql in ("UPDATE audit_event SET reason = 'edited' WHERE id = %s",
                    "DELETE FROM audit_event WHERE id = %s",
                    "TRUNCATE audit_event"):
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                with conn.cursor() as cur:
                    cur.execute(sql, (event["id"],))
            conn.rollback()
    finally:
        conn.close()


def test_not_even_the_owner_can_change_delete_or_truncate_with_triggers_on(db):
    conn = app_connect()
    try:
        last = insert(conn)["id"]
        conn.commit()
    finally:
        conn.close()
    for sql in ("UPDATE audit_event SET reason = 'edited' WHERE id = %s",
                "DELETE FROM audit_event WHERE id = %s",
                "TRUNCATE audit_event"):
        with db.cursor() as cur:
            cur.execute("BEGIN")  # TRUNCATE is transactional: never kept
            try:
                with pytest.raises(psycopg2.errors.RaiseException,
                                   match="cannot be changed or deleted"):
                    cur.execute(sql, (last,))
            finally:
                cur.execute("ROLLBACK")
    assert row(db, last, "id") == (last,)


def test_the_trigger_ignores_caller_supplied_chain_seq_hashes_and_time(db):
    conn = app_connect()
    try:
        mine = stripe(conn)
        with conn.cursor() as cur:
            acting(cur)
            cur.execute("""
                INSERT INTO audit_event (actor_id, agency_id, entity, action, chain, seq,
                                         prev_hash, hash, at)
                VALUES (7, 1, 'audit-test', 'forge', %s, 1000000000, %s, %s, '2001-01-01Z')
                RETURNING id, chain, seq, prev_hash, hash, at, now()""",
                        ((mine + 1) % STRIPES, b"\x01" * 32, b"\x02" * 32))
            event_id, chain, seq, prev_hash, hash_, at, now = cur.fetchone()
        conn.commit()
    finally:
        conn.close()
    assert chain == mine
    assert seq < 1000000000
    assert at.year != 2001 and abs(at - now) < timedelta(minutes=1)
    if seq == 1:
        assert bytes(prev_hash) == ZERO
    else:
        with db.cursor() as cur:
            cur.execute("SELECT hash FROM audit_event WHERE chain = %s AND seq = %s",
                        (chain, seq - 1))
            assert bytes(prev_hash) == bytes(cur.fetchone()[0])
    (canonical,) = row(db, event_id, "audit_event_canonical(audit_event)")
    assert bytes(hash_) == hashlib.sha256(bytes(prev_hash) + canonical.encode()).digest()


def test_canonical_text_is_independent_of_time_zone_and_tells_null_from_empty(db):
    conn = app_connect()
    try:
        with_null = insert(conn, reason=None, actor=None)
        with_empty = insert(conn, reason="", actor=None, after={"k": "é €"})
        conn.commit()
    finally:
        conn.close()
    texts = {}
    with db.cursor() as cur:
        for tz in ("UTC", "Europe/London", "America/New_York"):
            cur.execute("SET TIME ZONE %s; SET DateStyle = 'German'", (tz,))
            cur.execute("SELECT audit_event_canonical(e) FROM audit_event e "
                        "WHERE id IN (%s, %s) ORDER BY id",
                        (with_null["id"], with_empty["id"]))
            texts[tz] = [t for (t,) in cur.fetchall()]
        cur.execute("RESET TIME ZONE; RESET DateStyle")
    assert texts["UTC"] == texts["Europe/London"] == texts["America/New_York"]
    text1, text2 = texts["UTC"]
    id1, at1 = row(db, with_null["id"], "id, at")
    c1, c2 = json.loads(text1), json.loads(text2)
    micros = (at1 - datetime(1970, 1, 1, tzinfo=timezone.utc)) // timedelta(microseconds=1)
    assert c1[:4] == [with_null["chain"], with_null["seq"], id1, micros]
    # [chain, seq, id, at, actor_id, agency_id, entity, entity_id, action,
    #  before, after, reason, request_id, client_addr]
    assert c1[4] is None and c1[6] == "audit-test" and c1[13] == "127.0.0.1"
    assert c1[11] is None and c2[11] == ""
    assert c2[10] == {"k": "é €"}
    assert len(c1) == len(c2) == 14


def tamper_target():
    """A committed row to tamper with, and one after it; the trail intact."""
    conn = app_connect()
    try:
        target = insert(conn, reason="original reason")
        insert(conn, reason="after it")
        conn.commit()
    finally:
        conn.close()
    assert_intact()
    return target


def assert_edit_found(db, target, while_edited=lambda: None):
    """Rewrites the target row's reason (as the superuser, trigger off),
    runs while_edited, and asserts that verify names the row; then puts the
    row back."""
    update = "UPDATE audit_event SET reason = %s WHERE id = %s"
    try:
        without_trigger(db, "audit_event_no_change", update, ("rewritten", target["id"]))
        while_edited()
        rc, out = verify()
        assert rc == 1, out
        assert (f"chain {target['chain']}, seq {target['seq']} (id {target['id']}): "
                "hash does not match its content") in out
    finally:
        without_trigger(db, "audit_event_no_change", update,
                        ("original reason", target["id"]))


def test_a_changed_field_is_found_and_named(db):
    assert_edit_found(db, tamper_target())
    assert_intact()


def canonical_definition(db):
    with db.cursor() as cur:
        cur.execute("SELECT pg_get_functiondef('audit_event_canonical(audit_event)'"
                    "::regprocedure)")
        return cur.fetchone()[0]


@pytest.fixture
def canonical_saved(db):
    """audit_event_canonical()'s definition, put back after the test that
    replaces it (the chain trigger hashes every new row with it)."""
    definition = canonical_definition(db)
    yield definition
    with db.cursor() as cur:
        cur.execute(definition)
    assert canonical_definition(db) == definition


def test_an_edit_hidden_by_a_replaced_canonical_function_is_still_found(
        db, canonical_saved):
    target = tamper_target()
    (original,) = row(db, target["id"], "audit_event_canonical(audit_event)")
    # What a superuser covering an edit would do: the function answers the
    # edited row with the text it had before, and every other as it did.
    body = canonical_saved[canonical_saved.index("SELECT"):
                           canonical_saved.rindex("$function$")].strip().rstrip(";")
    with db.cursor() as cur:
        cur.execute(
            "CREATE OR REPLACE FUNCTION audit_event_canonical(e audit_event) "
            "RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS "
            "$f$ SELECT CASE WHEN e.id = %s THEN %s ELSE (" + body.replace("%", "%%") +
            ") END $f$", (target["id"], original))

    def database_vouches_for_the_edit():
        assert row(db, target["id"], "hash = sha256(prev_hash || convert_to("
                   "audit_event_canonical(audit_event), 'UTF8')), reason") == \
            (True, "rewritten")

    # The verifier builds the text from the columns itself: still found.
    assert_edit_found(db, target, database_vouches_for_the_edit)


def test_rows_with_awkward_text_and_json_verify_as_the_database_hashed_them(db):
    awkward = "tab\t nl\n cr\r \"quoted\" back\\slash \x01\x1f\x7f é € 𝄞 </script>"
    after = {"bb": 1.50, "a": [100, -0.0, 1e-7, None, True, "\u001f"], "ccc": {"z": ""},
             "": "empty key", "é": "x" * 300}
    conn = app_connect()
    try:
        rows = [insert(conn, reason=awkward, before={"n": 12345678901234567890},
                       after=after, entity_id=awkward),
                insert(conn, reason="", before={"": []}, after={"x": {}}, actor=None),
                insert(conn, action="\b\f", reason=None, before="text", after=[0])]
        conn.commit()
    finally:
        conn.close()
    for r in rows:
        (stored,) = row(db, r["id"], "hash")
        assert bytes(stored) == r["hash"]
    assert_intact()


def test_a_deleted_middle_row_is_found_as_a_gap(db):
    conn = app_connect()
    try:
        rows = [insert(conn, reason=f"row {i}") for i in range(3)]
        conn.commit()
    finally:
        conn.close()
    middle = rows[1]
    assert middle["chain"] == rows[2]["chain"] and middle["seq"] == rows[0]["seq"] + 1
    with db.cursor() as cur:
        cur.execute("CREATE TEMP TABLE audit_saved AS SELECT * FROM audit_event WHERE id = %s",
                    (middle["id"],))
    try:
        without_trigger(db, "audit_event_no_change",
                        "DELETE FROM audit_event WHERE id = %s", (middle["id"],))
        rc, out = verify()
        assert rc == 1, out
        assert (f"chain {middle['chain']}, seq {middle['seq']}: missing "
                f"(gap after seq {middle['seq'] - 1})") in out
    finally:
        # Back exactly as it was: same id, chain, seq, time and hashes.
        if row(db, middle["id"], "id") is None:
            without_trigger(db, "audit_event_zz_chain",
                            "INSERT INTO audit_event SELECT * FROM audit_saved")
        with db.cursor() as cur:
            cur.execute("DROP TABLE audit_saved")
    assert_intact()


def test_two_rows_swapped_in_their_chain_are_found(db):
    conn = app_connect()
    try:
        first, second = insert(conn, reason="first"), insert(conn, reason="second")
        insert(conn, reason="after them")
        conn.commit()
    finally:
        conn.close()
    assert second["chain"] == first["chain"] and second["seq"] == first["seq"] + 1
    swap = """UPDATE audit_event SET seq = 999999999 WHERE id = %(a)s;
              UPDATE audit_event SET seq = %(sa)s WHERE id = %(b)s;
              UPDATE audit_event SET seq = %(sb)s WHERE id = %(a)s"""
    try:
        without_trigger(db, "audit_event_no_change", swap,
                        {"a": first["id"], "b": second["id"],
                         "sa": first["seq"], "sb": second["seq"]})
        rc, out = verify()
        assert rc == 1, out
        # The second row now stands first: its prev_hash is not its new
        # predecessor's hash (nor the zeros that start a chain).
        broken = f"chain {first['chain']}, seq {first['seq']} (id {second['id']}): prev_hash"
        assert broken in out, out
    finally:
        without_trigger(db, "audit_event_no_change", swap,
                        {"a": second["id"], "b": first["id"],
                         "sa": first["seq"], "sb": second["seq"]})
    assert_intact()


def test_writers_on_different_connections_do_not_wait_for_each_other():
    a, b = pair(same_chain=False)
    try:
        held = insert(a)  # a's transaction stays open, holding its chain
        with b.cursor() as cur:
            cur.execute("SET statement_timeout = '2s'")
        t0 = time.monotonic()
        other = insert(b)
        b.commit()
        assert time.monotonic() - t0 < 1.5
        a.commit()
    finally:
        a.close()
        b.close()
    assert held["chain"] != other["chain"]


def test_a_writer_whose_chain_is_held_takes_the_next_free_one():
    # Two connections on the same stripe: the second does not wait for the
    # first's commit (0033), it appends to another chain, and keeps to it
    # for the rest of its transaction even once its own stripe is free.
    a, b = pair(same_chain=True)
    own = stripe(a)
    try:
        first = insert(a)  # a's transaction stays open, holding its chain
        with b.cursor() as cur:
            cur.execute("SET statement_timeout = '2s'")
        t0 = time.monotonic()
        moved = insert(b)
        assert time.monotonic() - t0 < 1.5
        a.commit()
        after = insert(b)
        b.commit()
        back = insert(b)  # a new transaction starts from its own stripe again
        b.commit()
    finally:
        a.close()
        b.close()
    assert first["chain"] == own
    assert moved["chain"] != first["chain"]
    assert after["chain"] == moved["chain"] and after["seq"] == moved["seq"] + 1
    assert after["prev_hash"] == moved["hash"]
    assert back["chain"] == first["chain"]
    assert back["seq"] == first["seq"] + 1 and back["prev_hash"] == first["hash"]
    assert_intact()


def test_a_writer_waits_only_when_every_chain_is_held():
    holders = []
    try:
        for _ in range(STRIPES):
            conn = app_connect()
            holders.append((conn, insert(conn)))
        assert {e["chain"] for _, e in holders} == set(range(STRIPES))
        late = app_connect()
        try:
            with late.cursor() as cur:
                cur.execute("SET statement_timeout = '1s'")
            with pytest.raises(psycopg2.errors.QueryCanceled):
                insert(late)  # every chain's lock is taken: it waits
            late.rollback()
            mine = [e for c, e in holders if e["chain"] == late.get_backend_pid() % STRIPES][0]
            for conn, _ in holders:
                conn.commit()
            event = insert(late)
            late.commit()
        finally:
            late.close()
    finally:
        for conn, _ in holders:
            conn.close()
    assert event["chain"] == mine["chain"]
    assert event["seq"] == mine["seq"] + 1 and event["prev_hash"] == mine["hash"]
    assert_intact()


def test_a_chain_named_in_the_setting_but_not_held_is_waited_for():
    """The setting that keeps a transaction on its chain is only a hint:
    a connection that names another's held chain in it (set by hand) waits
    for that chain's lock and then appends after the holder's row, instead
    of taking the same place in the chain (0037)."""
    a, b = pair(same_chain=False)
    try:
        held = insert(a)  # a's transaction stays open, holding its chain
        with b.cursor() as cur:
            cur.execute("SET statement_timeout = '1s'")
            cur.execute("SELECT set_config('concord.audit_chain', %s, true)",
                        (str(held["chain"]),))
        with pytest.raises(psycopg2.errors.QueryCanceled):
            insert(b)  # a holds that chain: b waits for it
        b.rollback()
        a.commit()
        with b.cursor() as cur:
            cur.execute("SELECT set_config('concord.audit_chain', %s, true)",
                        (str(held["chain"]),))
        after = insert(b)
        b.commit()
    finally:
        a.close()
        b.close()
    assert after["chain"] == held["chain"]
    assert after["seq"] == held["seq"] + 1 and after["prev_hash"] == held["hash"]
    assert_intact()


def test_head_prints_the_last_row_of_every_chain(db):
    conn = app_connect()
    try:
        insert(conn)
        conn.commit()
    finally:
        conn.close()
    out = ctl("audit", "head").stdout
    heads = re.findall(r"^chain (\d+) seq (\d+) hash ([0-9a-f]{64}) at (\S+Z)$", out, re.M)
    with db.cursor() as cur:
        cur.execute("SELECT DISTINCT ON (chain) chain, seq, encode(hash, 'hex') "
                    "FROM audit_event ORDER BY chain, seq DESC")
        want = [(str(c), str(s), h) for c, s, h in cur.fetchall()]
    assert [h[:3] for h in heads] == want


def test_bad_arguments_exit_2():
    assert ctl("audit", check=False).returncode == 2
    assert ctl("audit", "mend", check=False).returncode == 2
