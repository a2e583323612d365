"""What 0033_intake_cost.sql changed in row security: concord_visible() is
a plain expression the planner inlines into each policy, with the same
rules as before (0009): an agency sees its own records, those shared with
it by name, and, when it is an active core partner, those shared at
partnership level."""
import psycopg2

from stack import read_conf


def app_connect():
    return psycopg2.connect(read_conf()["db"], options="-c statement_timeout=10s")


def as_agency(cur, agency):
    cur.execute("SELECT set_config('concord.user_id', '0', true), "
                "set_config('concord.agency_id', %s, true), "
                "set_config('concord.person_view', '1', true)", (str(agency),))


def test_the_visibility_check_is_inlined_into_the_plan(db):
    with db.cursor() as cur:
        cur.execute("SELECT id FROM agency WHERE core_partner AND active ORDER BY id LIMIT 1")
        (agency,) = cur.fetchone()
    conn = app_connect()
    try:
        with conn.cursor() as cur:
            as_agency(cur, agency)
            cur.execute("EXPLAIN (VERBOSE) SELECT id FROM incident")
            plan = "\n".join(r[0] for r in cur.fetchall())
    finally:
        conn.close()
    # Called once per row as a function before; now its rules are in the
    # filter itself.
    assert "concord_visible" not in plan, plan
    assert "owning_agency_id" in plan and "shared_with" in plan, plan


def test_each_agency_sees_what_the_sharing_rules_give(db):
    with db.cursor() as cur:
        cur.execute("SELECT id, core_partner AND active FROM agency ORDER BY id")
        agencies = cur.fetchall()
        rows = {}
        for table in ("incident", "report", "person"):
            cur.execute(f"SELECT id, owning_agency_id, sharing::text, shared_with FROM {table}")
            rows[table] = cur.fetchall()
    assert any(core for _, core in agencies) and any(not core for _, core in agencies)
    conn = app_connect()
    try:
        for agency, core in agencies:
            for table, records in rows.items():
                want = {i for i, owner, level, named in records
                        if owner == agency or agency in (named or [])
                        or (level == "partnership" and core)}
                with conn.cursor() as cur:
                    as_agency(cur, agency)
                    cur.execute(f"SELECT id FROM {table} WHERE id = ANY (%s)",
                                ([r[0] for r in records],))
                    seen = {r[0] for r in cur.fetchall()}
                conn.rollback()
                assert seen == want, (table, agency)
    finally:
        conn.close()
