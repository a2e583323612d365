"""A monitored case's Patterns tab (README "Patterns"): the heat map's
cells, its table and its legend agree with a hand-counted fixture of
incidents across both clock changes; the incidents' points and the case's
places are listed for the map; the subjects seen together (pairs and a
group) are named through case_people; and who may see the tab.

The cases are made as db_admin with SQL against 0049's tables, quicker
than through the case pages."""
import html as html_lib
import re
import uuid

import pytest

from stack import URL
from staff import as_role

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OFFICER = "officer@police.example"      # police_officer, City of London Police
POLICE, COUNCIL = "city-police", "city-council"
MOORGATE = (-0.0915, 51.5155)

# The incidents, in UTC, and where each falls in London (hand-counted):
#   2026-11-30 23:15 GMT            Monday 23
#   2026-11-23 23:59 GMT            Monday 23       -> Monday 23: 2
#   2026-07-01 23:30 UTC = 00:30 BST on the 2nd: Thursday 00 (not Wednesday 23)
#   2026-07-01 23:45 UTC = 00:45 BST Thursday 00   -> Thursday 00: 2
#   2026-03-29 00:30 UTC, before the clocks go forward at 01:00 UTC: Sunday 00
#   2026-03-29 01:30 UTC = 02:30 BST: Sunday 02 (there is no Sunday 01 that day)
#   2026-10-25 00:30 UTC = 01:30 BST, before the clocks go back: Sunday 01
#   reported 2026-10-25 01:30 UTC = 01:30 GMT, after; no time it happened:
#                                    Sunday 01      -> Sunday 01: 2
# and one more linked then unlinked, 2026-07-01 12:00 UTC (Wednesday 13):
# not counted.
INCIDENTS = [
    # (occurred_at UTC or None, reported_at UTC, has a point)
    ("2026-11-30 23:15", "2026-12-01 08:00", True),
    ("2026-11-23 23:59", "2026-11-24 08:00", True),
    ("2026-07-01 23:30", "2026-07-02 09:00", True),
    ("2026-07-01 23:45", "2026-07-02 09:30", True),
    ("2026-03-29 00:30", "2026-03-29 10:00", True),
    ("2026-03-29 01:30", "2026-03-29 11:00", True),
    ("2026-10-25 00:30", "2026-10-25 12:00", True),
    (None, "2026-10-25 01:30", False),
]
EXPECTED = {("Monday", 23): 2, ("Thursday", 0): 2, ("Sunday", 0): 1,
            ("Sunday", 2): 1, ("Sunday", 1): 2}


def one(db, sql, *args):
    with db.cursor() as c:
        c.execute(sql, args)
        return c.fetchone()


def agency(db, code):
    return one(db, "SELECT id FROM agency WHERE code = %s", code)[0]


def person(db, given, family):
    return one(db, "INSERT INTO person (owning_agency_id, given_name, family_name) "
                   "VALUES (%s, %s, %s) RETURNING id", agency(db, POLICE), given, family)[0]


def incident(db, occurred, reported, point=True):
    """An incident of the City of London Police at (near) Moorgate: its
    id and reference."""
    lon, lat = MOORGATE
    return one(db, "INSERT INTO incident (reference, channel, asb_type_id, description, "
                   "occurred_at, reported_at, location, address, postcode, owning_agency_id) "
                   "VALUES (format('ASB-2026-%%s', lpad(nextval('incident_ref_seq')::text, 6, '0')), "
                   "'police', (SELECT id FROM asb_type WHERE code = 'noise'), 'Patterns fixture', "
                   "%s::timestamptz, %s::timestamptz, "
                   "CASE WHEN %s THEN ST_SetSRID(ST_MakePoint(%s, %s), 4326) END, "
                   "'Moorgate', 'EC2M 6SB', %s) RETURNING id, reference",
               occurred and occurred + "+00", reported + "+00", point,
               lon + 0.001 * (one(db, "SELECT count(*) FROM incident")[0] % 5), lat,
               agency(db, POLICE))


def make_case(db, subjects_on, shared_with=()):
    """A case led by the police officer over INCIDENTS (plus one unlinked)
    with a victim, the subjects named in subjects_on ({incident index:
    [subject index]}), four subjects and one more subject of the incidents
    who is not on the case, a place with a point and one with an address
    only. Returns (reference, [incident references], [subject names])."""
    tag = uuid.uuid4().hex[:6]
    officer = one(db, "SELECT id FROM app_user WHERE email = %s", OFFICER)[0]
    names = [("Sam", f"Subject{tag}"), ("Tia", f"Two{tag}"), ("Uma", f"Three{tag}"),
             ("Vic", f"Four{tag}")]
    subjects = [person(db, g, f) for g, f in names]
    stranger = person(db, "Xan", f"Notoncase{tag}")
    victim = person(db, "Vera", f"Victim{tag}")
    incidents = [incident(db, *i) for i in INCIDENTS]
    unlinked = incident(db, "2026-07-01 12:00", "2026-07-01 13:00")
    ref, case_id = one(db, "INSERT INTO monitored_case (reference, title, origin, "
                           "lead_agency_id, lead_user_id, opened_by, shared_with) VALUES "
                           "(format('CASE-2026-%%s', lpad(nextval('monitored_case_number')::text, 6, '0')), "
                           "'Patterns at Moorgate', 'incidents', %s, %s, %s, %s) "
                           "RETURNING reference, id",
                       agency(db, POLICE), officer, officer,
                       [agency(db, c) for c in shared_with])
    with db.cursor() as c:
        for iid, _ in incidents + [unlinked]:
            c.execute("INSERT INTO case_incident (case_id, incident_id, how, linked_by) "
                      "VALUES (%s, %s, 'created', %s)", (case_id, iid, officer))
            c.execute("INSERT INTO incident_person (incident_id, person_id, role) "
                      "VALUES (%s, %s, 'victim')", (iid, victim))
        c.execute("UPDATE case_incident SET unlinked_at = now(), unlinked_by = %s "
                  "WHERE case_id = %s AND incident_id = %s", (officer, case_id, unlinked[0]))
        for i, who in subjects_on.items():
            for s in who:
                c.execute("INSERT INTO incident_person (incident_id, person_id, role) "
                          "VALUES (%s, %s, 'subject')", (incidents[i][0], subjects[s]))
        # On the unlinked incident all four were together: it must not count.
        for s in subjects:
            c.execute("INSERT INTO incident_person (incident_id, person_id, role) "
                      "VALUES (%s, %s, 'subject')", (unlinked[0], s))
        for i in (0, 1):
            c.execute("INSERT INTO incident_person (incident_id, person_id, role) "
                      "VALUES (%s, %s, 'subject')", (incidents[i][0], stranger))
        for p, role in [(victim, "victim")] + [(s, "subject") for s in subjects]:
            c.execute("INSERT INTO case_person (case_id, person_id, role, added_by) "
                      "VALUES (%s, %s, %s, %s)", (case_id, p, role, officer))
        c.execute("INSERT INTO case_place (case_id, label, address, postcode, location, "
                  "radius_m, added_by) VALUES (%s, 'Moorgate steps', '141 Moorgate', "
                  "'EC2M 6TX', ST_SetSRID(ST_MakePoint(-0.0890, 51.5170), 4326), 150, %s), "
                  "(%s, 'The estate office', '1 London Wall', '', NULL, 100, %s)",
                  (case_id, officer, case_id, officer))
    return ref, [r for _, r in incidents], [f"{g} {f}" for g, f in names]


# Subjects 0, 1, 2 on incidents 0 and 1; 0 and 1 on incident 2 too; 2 and
# 3 only on incident 3; 3 alone on 4. So: pairs (0, 1) on 3 incidents,
# (0, 2) and (1, 2) on 2; the group 0, 1, 2 on 2; 2 and 3 not a pair.
SUBJECTS_ON = {0: [0, 1, 2], 1: [0, 1, 2], 2: [0, 1], 3: [2, 3], 4: [3]}


@pytest.fixture(scope="module")
def case(request):
    import psycopg2
    from stack import read_conf
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    try:
        yield make_case(conn, SUBJECTS_ON, shared_with=(COUNCIL,))
    finally:
        conn.close()


def patterns(session, ref, status=200):
    r = session.get(f"{URL}/staff/cases/{ref}/patterns")
    assert r.status_code == status, (r.status_code, r.text[:800])
    return r.text


def svg_cells(page):
    """{(day, hour): (count, shade)} of the heat map's cells."""
    cells = {}
    for m in re.finditer(r'<rect class="concord-heatmap__cell"[^>]*?data-day="(\w+)" '
                         r'data-hour="(\d+)" data-count="(\d+)" data-shade="(\d)"', page):
        cells[(m.group(1), int(m.group(2)))] = (int(m.group(3)), int(m.group(4)))
    return cells


def table_cells(page):
    """{(day, hour): count} of the table, and {day: total}."""
    table = page[page.index('id="times-table"'):]
    table = table[:table.index("</table>")]
    cells, totals = {}, {}
    for m in re.finditer(r'<tr class="govuk-table__row" data-day="([\w ]+)">(.*?)</tr>', table, re.S):
        day = m.group(1)
        for h in re.finditer(r'data-hour="(\d+)">(\d+)<', m.group(2)):
            cells[(day, int(h.group(1)))] = int(h.group(2))
        t = re.search(r'data-total="(?:day|all)">(\d+)<', m.group(2))
        totals[day] = int(t.group(1))
    return cells, totals


def together(page, table_id):
    """[(names, count, [references])] of the pairs or groups table."""
    if f'id="{table_id}"' not in page:
        return []
    table = page[page.index(f'id="{table_id}"'):]
    table = table[:table.index("</table>")]
    out = []
    for m in re.finditer(r'<td class="govuk-table__cell" data-who>(.*?)</td>.*?data-count>(\d+)</td>'
                         r'<td class="govuk-table__cell">(.*?)</td>', table, re.S):
        out.append((html_lib.unescape(m.group(1)), int(m.group(2)),
                    re.findall(r">(ASB-\d{4}-\d+)<", m.group(3))))
    return out


def test_the_heat_map_and_its_table_agree_with_the_hand_count(case):
    ref, _, _ = case
    page = patterns(as_role("police_officer"), ref)
    assert "<h1 class=\"govuk-heading-l\">Patterns at Moorgate</h1>" in page
    assert 'aria-current="page">Patterns</a>' in page
    cells = svg_cells(page)
    assert len(cells) == 7 * 24
    got = {k: n for k, (n, _) in cells.items() if n}
    assert got == EXPECTED
    # The busiest bands (2) are the darkest shade, 1 is the second.
    assert {cells[k][1] for k in EXPECTED if EXPECTED[k] == 2} == {4}
    assert {cells[k][1] for k in EXPECTED if EXPECTED[k] == 1} == {2}
    assert all(s == 0 for k, (n, s) in cells.items() if n == 0)
    table, totals = table_cells(page)
    assert {k: n for k, n in table.items() if k[0] != "All days" and n} == EXPECTED
    assert len([k for k in table if k[0] in DAYS]) == 7 * 24
    assert totals == {"Monday": 2, "Tuesday": 0, "Wednesday": 0, "Thursday": 2,
                      "Friday": 0, "Saturday": 0, "Sunday": 4, "All days": 8}
    assert table[("All days", 0)] == 3 and table[("All days", 23)] == 2
    # The picture has a name and says where the numbers are; the legend
    # shows only the shades some count has.
    assert re.search(r'<svg[^>]*role="img"[^>]*aria-labelledby="heatmap-title heatmap-desc"', page)
    assert "The busiest hour had 2 incidents" in page
    legend = re.findall(r'class="concord-heatmap__key"[^>]*data-shade="(\d*)"></rect>'
                        r'<text[^>]*>([^<]*)</text>', page)
    assert legend == [("", "None"), ("2", "1"), ("4", "2")]
    assert "1 of them has no time it happened, so it is counted at the time it was reported." in page


def test_the_points_and_places_are_listed_for_the_map(case):
    ref, refs, _ = case
    page = patterns(as_role("police_officer"), ref)
    rows = re.findall(r'<tr class="govuk-table__row"((?: data-lat="[-\d.]+" data-lon="[-\d.]+")?) '
                      r'data-reference="(ASB-\d{4}-\d+)">', page)
    # First to last by when each happened (the one with no time by its report).
    assert [r for _, r in rows] == [refs[i] for i in (4, 5, 2, 3, 6, 7, 1, 0)]
    with_point = {r for at, r in rows if at}
    assert with_point == set(refs[:7])
    assert "Not on the map" in page
    assert re.search(r'data-lat="51.517000" data-lon="-0.089000" data-radius="150" '
                     r'data-label="Moorgate steps"', page)
    assert re.search(r'<tr class="govuk-table__row" data-label="The estate office">', page)
    assert "1 London Wall" in page and "141 Moorgate, EC2M 6TX" in page


def test_subjects_together_are_pairs_and_a_group(case):
    ref, refs, names = case
    page = patterns(as_role("police_officer"), ref)
    pairs = together(page, "pairs")
    assert pairs == [
        (f"{names[0]} and {names[1]}", 3, [refs[0], refs[1], refs[2]]),
        (f"{names[0]} and {names[2]}", 2, [refs[0], refs[1]]),
        (f"{names[1]} and {names[2]}", 2, [refs[0], refs[1]]),
    ]
    assert together(page, "groups") == [
        (f"{names[0]}, {names[1]}, {names[2]}", 2, [refs[0], refs[1]])]
    # A subject of the incidents who is not on the case is never compared.
    assert "Notoncase" not in page
    # Nor the victim, though on every incident.
    assert "Vera" not in page.split('id="together"')[1]


def test_another_agency_working_the_case_sees_the_subjects_named(case):
    ref, _, names = case
    page = patterns(as_role("council_officer"), ref)
    assert together(page, "pairs")[0][0] == f"{names[0]} and {names[1]}"


def test_a_case_not_shared_with_the_agency_is_not_there(db):
    ref, _, _ = make_case(db, {0: [0, 1]})
    patterns(as_role("council_officer"), ref, 404)
    # The lead's officer sees it, with nobody together more than once.
    page = patterns(as_role("police_officer"), ref)
    assert 'id="no-together"' in page and 'id="pairs"' not in page
    assert one(db, "SELECT count(*) FROM audit_event WHERE entity = 'lookup' "
                   "AND action = 'not_found' AND after->>'record' = 'monitored_case' "
                   "AND after->>'asked' = %s", ref)[0] == 1


def test_who_may_open_the_tab():
    patterns(as_role("partner_reporter"), "CASE-2026-000001", 403)
    patterns(as_role("police_officer"), "CASE-2026-999999", 404)
    patterns(as_role("police_officer"), "not-a-case", 404)


def test_the_view_is_audited(case, db):
    ref, _, _ = case
    before = one(db, "SELECT count(*) FROM audit_event e JOIN monitored_case c "
                     "ON e.entity_id = c.id::text WHERE e.entity = 'monitored_case' "
                     "AND e.action = 'view' AND c.reference = %s", ref)[0]
    patterns(as_role("police_officer"), ref)
    assert one(db, "SELECT count(*) FROM audit_event e JOIN monitored_case c "
                   "ON e.entity_id = c.id::text WHERE e.entity = 'monitored_case' "
                   "AND e.action = 'view' AND c.reference = %s", ref)[0] == before + 1
