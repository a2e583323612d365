"""Agency segregation, enforced twice: over HTTP (the application's own
check) and in PostgreSQL (row-level security, queried directly as the
application's role)."""
import re

import psycopg2
import pytest

from stack import URL, read_conf
from staff import as_role, csrf_of

# The demo incidents (concordctl demo) and who owns/shares them.
POLICE_PARTNERSHIP = "shouting and throwing bottles"
POLICE_ONLY = "police-only intelligence"
HOUSING_PARTNERSHIP = "graffiti in the stairwell"
HOUSING_ONLY = "tenancy matter the housing provider keeps"
COUNCIL_NAMED_HOUSING = "shared by the council with the housing provider"
ALL = [POLICE_PARTNERSHIP, POLICE_ONLY, HOUSING_PARTNERSHIP, HOUSING_ONLY,
       COUNCIL_NAMED_HOUSING]

VISIBLE = {
    "police_officer": {POLICE_PARTNERSHIP, POLICE_ONLY, HOUSING_PARTNERSHIP},
    "council_officer": {POLICE_PARTNERSHIP, HOUSING_PARTNERSHIP, COUNCIL_NAMED_HOUSING},
    "partner_reporter": {HOUSING_PARTNERSHIP, HOUSING_ONLY, COUNCIL_NAMED_HOUSING},
}
AGENCY = {"police_officer": "city-police", "council_officer": "city-council",
          "partner_reporter": "hackney-homes"}


@pytest.fixture(scope="module")
def refs():
    """Description fragment -> reference, read as the database owner."""
    conn = psycopg2.connect(read_conf()["db_admin"])
    out = {}
    with conn.cursor() as cur:
        for d in ALL:
            cur.execute("SELECT reference FROM incident WHERE description LIKE %s",
                        ("%" + d + "%",))
            out[d] = cur.fetchone()[0]
    conn.close()
    return out


@pytest.mark.parametrize("role", sorted(VISIBLE))
def test_each_agency_lists_and_opens_only_what_it_may_see(role, refs):
    s = as_role(role)
    for d in ALL:
        # Searched for by its reference: the newest-first list has more
        # than one page once other tests have added incidents.
        listed = set(re.findall(r'href="/staff/incidents/(ASB-\d{4}-\d+)"',
                                s.get(URL + "/staff/incidents",
                                      params={"q": refs[d]}).text))
        page = s.get(URL + "/staff/incidents/" + refs[d])
        if d in VISIBLE[role]:
            assert refs[d] in listed, d
            assert page.status_code == 200 and d in page.text
        else:
            assert refs[d] not in listed, d
            # Not 403: a record one may not see does not reveal it exists.
            assert page.status_code == 404, d
            assert d not in page.text


def test_guessing_another_agencys_record_is_audited(refs, db):
    s = as_role("partner_reporter")
    with db.cursor() as cur:
        cur.execute("SELECT coalesce(max(id), 0) FROM audit_event")
        before = cur.fetchone()[0]
    assert s.get(URL + "/staff/incidents/" + refs[POLICE_ONLY]).status_code == 404
    assert s.get(URL + "/staff/incidents/ASB-2026-999999").status_code == 404
    with db.cursor() as cur:
        # About no record (0017): what was asked for is kept, not filed
        # under it, so it joins no incident's history.
        cur.execute("SELECT entity_id, after->>'record', after->>'asked' "
                    "FROM audit_event WHERE action = 'not_found' "
                    "AND entity = 'lookup' AND id > %s ORDER BY id", (before,))
        assert cur.fetchall() == [(None, "incident", refs[POLICE_ONLY]),
                                  (None, "incident", "ASB-2026-999999")]


def test_a_changed_status_on_someone_elses_record_is_404(refs):
    s = as_role("partner_reporter")
    page = s.get(URL + "/staff/incidents/" + refs[HOUSING_ONLY])
    r = s.post(URL + "/staff/incidents/%s/status" % refs[POLICE_ONLY],
               data={"csrf": csrf_of(page.text), "status": "monitoring", "version": "1"},
               allow_redirects=False)
    assert r.status_code == 404


def app_conn():
    """The application's own role, exactly as a web worker connects."""
    conn = psycopg2.connect(read_conf()["db"])
    conn.autocommit = False
    return conn


def as_agency(cur, code, person_view="1"):
    cur.execute("SELECT set_config('concord.agency_id', (SELECT id FROM agency WHERE code "
                "= %s)::text, true), set_config('concord.user_id', '1', true), "
                "set_config('concord.person_view', %s, true)", (code, person_view))


def test_sql_without_settings_sees_no_incident_or_person():
    conn = app_conn()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM incident")
            assert cur.fetchone()[0] == 0
            cur.execute("SELECT count(*) FROM person")
            assert cur.fetchone()[0] == 0
            cur.execute("SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = current_user")
            assert cur.fetchone() == (False, False)
    finally:
        conn.close()


@pytest.mark.parametrize("role", sorted(VISIBLE))
def test_sql_with_an_agencys_settings_sees_only_its_rows(role, refs):
    conn = app_conn()
    try:
        with conn.cursor() as cur:
            as_agency(cur, AGENCY[role])
            cur.execute("SELECT reference FROM incident WHERE reference = ANY (%s)",
                        (list(refs.values()),))
            seen = {r[0] for r in cur.fetchall()}
        assert seen == {refs[d] for d in VISIBLE[role]}
        conn.rollback()
    finally:
        conn.close()


def test_sql_cannot_change_or_create_another_agencys_rows(refs):
    conn = app_conn()
    try:
        with conn.cursor() as cur:
            as_agency(cur, "hackney-homes")
            cur.execute("UPDATE incident SET status = 'closed' WHERE reference = %s",
                        (refs[POLICE_ONLY],))
            assert cur.rowcount == 0
            with pytest.raises(psycopg2.Error) as e:
                cur.execute("INSERT INTO incident (reference, channel, asb_type_id, "
                            "owning_agency_id) SELECT 'ASB-2026-888888', 'partner', "
                            "(SELECT min(id) FROM asb_type), id FROM agency "
                            "WHERE code = 'city-police'")
            assert "row-level security" in str(e.value)
        conn.rollback()
    finally:
        conn.close()


def test_settings_last_only_for_their_transaction(refs):
    conn = app_conn()
    try:
        with conn.cursor() as cur:
            as_agency(cur, "city-police")
            cur.execute("SELECT count(*) FROM incident")
            assert cur.fetchone()[0] >= 2
            conn.commit()
            cur.execute("SELECT count(*) FROM incident")
            assert cur.fetchone()[0] == 0
    finally:
        conn.close()
