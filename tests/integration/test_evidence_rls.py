"""Evidence rows under row-level security, queried directly as the
application's role (as tests/integration/test_segregation.py does for
incidents): an agency sees the evidence of the incidents it sees and no
other, nothing is visible without the agency settings, a row cannot be
added for someone else's incident or with sharing of its own, the
application can neither change nor delete evidence, and evidence follows
its incident when the incident's sharing changes."""
import secrets

import psycopg2
import pytest

from stack import read_conf

AGENCIES = ("city-police", "city-council", "hackney-homes")

# (owner, sharing, named agencies) for the incidents made here, and which
# agencies may see each: owners always; core partners (police, council)
# what is shared with the partnership; named agencies what names them.
CASES = {
    "police_only": ("city-police", "agency", ()),
    "housing_only": ("hackney-homes", "agency", ()),
    "police_partnership": ("city-police", "partnership", ()),
    "council_named_housing": ("city-council", "named", ("hackney-homes",)),
}
VISIBLE = {
    "city-police": {"police_only", "police_partnership"},
    "city-council": {"police_partnership", "council_named_housing"},
    "hackney-homes": {"housing_only", "council_named_housing"},
}


def admin_conn():
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    return conn


def app_conn():
    """The application's own role, exactly as a web worker connects."""
    conn = psycopg2.connect(read_conf()["db"])
    conn.autocommit = False
    return conn


def as_agency(cur, code, user_id="0"):
    cur.execute("SELECT set_config('concord.agency_id', (SELECT id FROM agency "
                "WHERE code = %s)::text, true), set_config('concord.user_id', %s, true), "
                "set_config('concord.person_view', '0', true)", (code, user_id))


@pytest.fixture(scope="module")
def world():
    """An incident and an evidence row for each case, made as the database
    owner; removed afterwards. Returns {case: (incident_id, evidence_id)}
    and the agency ids."""
    conn = admin_conn()
    made = {}
    with conn.cursor() as cur:
        cur.execute("SELECT code, id FROM agency WHERE code = ANY (%s)", (list(AGENCIES),))
        ids = dict(cur.fetchall())
        if set(ids) != set(AGENCIES):
            pytest.skip("the demo agencies are not loaded")
        for case, (owner, sharing, named) in CASES.items():
            ref = "ASB-2099-%07d" % secrets.randbelow(10 ** 7)
            cur.execute(
                "INSERT INTO incident (reference, channel, asb_type_id, description, "
                "owning_agency_id, sharing, shared_with) VALUES (%s, 'partner', "
                "(SELECT min(id) FROM asb_type), %s, %s, %s, %s) RETURNING id",
                (ref, "evidence RLS test: " + case, ids[owner], sharing,
                 [ids[n] for n in named]))
            iid = cur.fetchone()[0]
            cur.execute(
                "INSERT INTO evidence (incident_id, sha256, size, media_type, category, "
                "original_name, owning_agency_id, sharing, shared_with) "
                "SELECT id, %s, 1234, 'image/jpeg', 'photo', %s, owning_agency_id, "
                "sharing, shared_with FROM incident WHERE id = %s RETURNING id",
                (secrets.token_hex(32), case + ".jpg", iid))
            made[case] = (iid, cur.fetchone()[0])
    yield made, ids
    with conn.cursor() as cur:
        iids = [m[0] for m in made.values()]
        cur.execute("DELETE FROM evidence WHERE incident_id = ANY (%s)", (iids,))
        cur.execute("DELETE FROM incident WHERE id = ANY (%s)", (iids,))
    conn.close()


def visible_evidence(code, made):
    conn = app_conn()
    try:
        with conn.cursor() as cur:
            as_agency(cur, code)
            cur.execute("SELECT id FROM evidence WHERE id = ANY (%s)",
                        ([m[1] for m in made.values()],))
            seen = {r[0] for r in cur.fetchall()}
        conn.rollback()
    finally:
        conn.close()
    return {case for case, m in made.items() if m[1] in seen}


@pytest.mark.parametrize("agency", sorted(VISIBLE))
def test_an_agency_sees_only_the_evidence_of_incidents_it_may_see(agency, world):
    made, _ = world
    assert visible_evidence(agency, made) == VISIBLE[agency]


def test_another_agencys_evidence_is_invisible(world):
    made, _ = world
    conn = app_conn()
    try:
        with conn.cursor() as cur:
            as_agency(cur, "hackney-homes")
            cur.execute("SELECT count(*) FROM evidence WHERE id = %s",
                        (made["police_only"][1],))
            assert cur.fetchone()[0] == 0
            cur.execute("SELECT count(*) FROM evidence WHERE incident_id = %s",
                        (made["police_only"][0],))
            assert cur.fetchone()[0] == 0
        conn.rollback()
    finally:
        conn.close()


def test_without_settings_no_evidence_is_visible(world):
    conn = app_conn()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM evidence")
            assert cur.fetchone()[0] == 0
    finally:
        conn.close()


def test_evidence_cannot_be_added_for_an_unseen_incident_or_with_other_sharing(world):
    made, ids = world
    conn = app_conn()
    try:
        with conn.cursor() as cur:
            as_agency(cur, "hackney-homes")
            # The way the application adds evidence: copied from an
            # incident it cannot see, nothing is inserted.
            cur.execute(
                "INSERT INTO evidence (incident_id, sha256, size, media_type, category, "
                "original_name, owning_agency_id, sharing, shared_with) "
                "SELECT id, %s, 1, 'text/plain', 'document', 'x.txt', owning_agency_id, "
                "sharing, shared_with FROM incident WHERE id = %s",
                ("0" * 64, made["police_only"][0]))
            assert cur.rowcount == 0
            # Naming it directly, with values of its own: refused.
            with pytest.raises(psycopg2.Error) as e:
                cur.execute(
                    "INSERT INTO evidence (incident_id, sha256, size, media_type, "
                    "category, original_name, owning_agency_id, sharing) VALUES "
                    "(%s, %s, 1, 'text/plain', 'document', 'x.txt', %s, 'agency')",
                    (made["police_only"][0], "0" * 64, ids["hackney-homes"]))
            assert "row-level security" in str(e.value)
        conn.rollback()
        with conn.cursor() as cur:
            # An incident it sees, but wider sharing than the incident's.
            as_agency(cur, "hackney-homes")
            with pytest.raises(psycopg2.Error) as e:
                cur.execute(
                    "INSERT INTO evidence (incident_id, sha256, size, media_type, "
                    "category, original_name, owning_agency_id, sharing) VALUES "
                    "(%s, %s, 1, 'text/plain', 'document', 'x.txt', %s, 'partnership')",
                    (made["housing_only"][0], "0" * 64, ids["hackney-homes"]))
            assert "row-level security" in str(e.value)
        conn.rollback()
        with conn.cursor() as cur:
            # Its own incident, as the incident is shared: allowed.
            as_agency(cur, "hackney-homes")
            cur.execute(
                "INSERT INTO evidence (incident_id, sha256, size, media_type, category, "
                "original_name, owning_agency_id, sharing, shared_with) "
                "SELECT id, %s, 1, 'text/plain', 'document', 'x.txt', owning_agency_id, "
                "sharing, shared_with FROM incident WHERE id = %s",
                ("0" * 64, made["housing_only"][0]))
            assert cur.rowcount == 1
        conn.rollback()
    finally:
        conn.close()


def test_the_application_cannot_change_or_delete_evidence(world):
    made, _ = world
    for sql in ("UPDATE evidence SET original_name = 'renamed.jpg' WHERE id = %s",
                "DELETE FROM evidence WHERE id = %s"):
        conn = app_conn()
        try:
            with conn.cursor() as cur:
                as_agency(cur, "city-police")
                with pytest.raises(psycopg2.Error) as e:
                    cur.execute(sql, (made["police_only"][1],))
                assert "permission denied" in str(e.value)
            conn.rollback()
        finally:
            conn.close()


def test_evidence_follows_its_incidents_sharing(world):
    made, ids = world
    iid, _ = made["police_only"]
    conn = admin_conn()
    try:
        with conn.cursor() as cur:
            cur.execute("UPDATE incident SET sharing = 'named', shared_with = %s "
                        "WHERE id = %s", ([ids["hackney-homes"]], iid))
        assert "police_only" in visible_evidence("hackney-homes", made)
        assert "police_only" not in visible_evidence("city-council", made)
    finally:
        with conn.cursor() as cur:
            cur.execute("UPDATE incident SET sharing = 'agency', shared_with = '{}' "
                        "WHERE id = %s", (iid,))
        conn.close()
    assert "police_only" not in visible_evidence("hackney-homes", made)
