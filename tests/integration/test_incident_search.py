"""Finding incidents on /staff/incidents (issue 9): each filter, each way of
searching, the sort orders, paging that keeps the filters, refusals of bad
input, and segregation. Each test makes its own incidents, marked with a
word made up for this run, so it can say exactly which incidents it must
find."""
import random
import re
import string
from html import unescape

import psycopg2
import pytest

from stack import URL, read_conf
from staff import as_role

REF = re.compile(r'href="/staff/incidents/(ASB-\d{4}-\d+)"')


def word():
    """A word no incident has yet (letters only: one token to the text
    search)."""
    return "zq" + "".join(random.choice(string.ascii_lowercase) for _ in range(10))


def postcode():
    return "ZZ%d %d%s" % (random.randint(10, 99), random.randint(0, 9),
                          "".join(random.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2)))


def add_incident(description, type_code="noise", agency="city-police",
                 sharing="partnership", status="open", risk=None, vulnerable=False,
                 reported="now()", beat=None, area=None, pc=None, answers="{}"):
    """An incident written as the database owner, as an intake would leave
    it. Returns its reference."""
    conn = psycopg2.connect(read_conf()["db_admin"])
    try:
        with conn, conn.cursor() as cur:
            cur.execute(
                "INSERT INTO incident (reference, channel, asb_type_id, description, "
                " reported_at, postcode, status, risk_level, vulnerable, answers, "
                " owning_agency_id, sharing, beat_id, la_area_id) "
                "SELECT 'ASB-' || to_char(now(), 'YYYY') || '-' || "
                "  lpad(nextval('incident_ref_seq')::text, 6, '0'), 'police', t.id, %s, "
                "  " + reported + ", %s, %s, %s, %s, %s::jsonb, a.id, %s, "
                "  (SELECT id FROM beat WHERE code = %s), "
                "  (SELECT id FROM la_area WHERE code = %s) "
                "FROM asb_type t, agency a WHERE t.code = %s AND a.code = %s "
                "RETURNING reference",
                (description, pc, status, risk, vulnerable, answers, sharing, beat,
                 area, type_code, agency))
            return cur.fetchone()[0]
    finally:
        conn.close()


def search(role="police_officer", **params):
    r = as_role(role).get(URL + "/staff/incidents", params=params)
    return r, REF.findall(r.text)


def found(**params):
    r, refs = search(**params)
    assert r.status_code == 200, r.text[:500]
    return refs


def one_area(kind):
    conn = psycopg2.connect(read_conf()["db_admin"])
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT code FROM %s ORDER BY code LIMIT 2" % kind)
            return [row[0] for row in cur.fetchall()]
    finally:
        conn.close()


def test_part_of_a_reference_finds_it():
    ref = add_incident("Found by its reference")
    number = ref.split("-")[-1]
    assert ref in found(q=number)
    assert ref in found(q=ref.lower())
    assert ref in found(q=ref[4:])   # "2026-000123"


def test_postcode_with_or_without_its_space_in_any_case():
    pc = postcode()
    ref = add_incident("Found by its postcode", pc=pc)
    for q in (pc, pc.replace(" ", ""), pc.lower(), pc.lower().replace(" ", "")):
        assert ref in found(q=q), q
    assert ref in found(q=pc.split(" ")[0])


def test_words_of_the_description_and_of_the_answers():
    w, a = word(), word()
    by_desc = add_incident("Neighbours were shouting about the %s all night" % w)
    by_answer = add_incident(
        "Nothing special in here",
        answers='{"what": {"question": "What happened?", "answer": "a %s on the wall", '
                '"display": "a %s on the wall"}}' % (a, a))
    assert found(q=w) == [by_desc]
    # English stemming: "shouted" finds "shouting".
    assert found(q="shouted " + w) == [by_desc]
    assert found(q="whispered " + w) == []
    assert found(q=a) == [by_answer]


def test_type_name_finds_incidents_of_that_type():
    w = word()
    ref = add_incident("A matter of " + w, type_code="harassment")
    other = add_incident("A noise matter of " + w, type_code="noise")
    # The type's name is searched, as well as any description.
    refs = found(q="intimidation", sort="newest")
    assert ref in refs and other not in refs
    page = as_role("police_officer").get(URL + "/staff/incidents",
                                         params={"q": "Harassment"}).text
    assert ref in page


def test_each_filter():
    w = word()
    beats, areas = one_area("beat"), one_area("la_area")
    a = add_incident("Filter test %s one" % w, type_code="noise", status="open",
                     risk="high", vulnerable=True, beat=beats[0], area=areas[0],
                     reported="'2025-01-10 12:00 Europe/London'")
    b = add_incident("Filter test %s two" % w, type_code="harassment",
                     status="in_progress", risk="standard", beat=beats[1],
                     area=areas[1], reported="'2025-02-20 23:30 Europe/London'")
    assert set(found(q=w)) == {a, b}
    assert found(q=w, status="open") == [a]
    assert found(q=w, status="in_progress") == [b]
    assert found(q=w, status="closed") == []
    assert found(q=w, type="harassment") == [b]
    assert found(q=w, risk="high") == [a]
    assert found(q=w, risk="medium") == []
    assert found(q=w, flag="vulnerable") == [a]
    assert found(q=w, area="beat:" + beats[1]) == [b]
    assert found(q=w, area="area:" + areas[0]) == [a]
    # Dates are inclusive, in London time: 23:30 on 20 February is that day.
    assert found(q=w, **{"from": "2025-02-20"}) == [b]
    assert found(q=w, to="2025-02-19") == [a]
    assert set(found(q=w, **{"from": "2025-01-10", "to": "2025-02-20"})) == {a, b}
    # The filters also work without a search.
    assert a in found(risk="high", flag="vulnerable", to="2025-01-10")


def test_type_filter_takes_the_subtypes_of_a_type():
    conn = psycopg2.connect(read_conf()["db_admin"])
    with conn.cursor() as cur:
        cur.execute("SELECT c.code, p.code FROM asb_type c JOIN asb_type p "
                    "ON p.id = c.parent_id WHERE c.active LIMIT 1")
        row = cur.fetchone()
    conn.close()
    if row is None:
        pytest.fail("the demo data has no subtype")
    w = word()
    ref = add_incident("Subtype " + w, type_code=row[0])
    assert found(q=w, type=row[1]) == [ref]
    assert found(q=w, type=row[0]) == [ref]


def test_sort_orders():
    w = word()
    old = add_incident("Sort %s" % w, risk="standard",
                       reported="'2025-03-01 10:00 Europe/London'")
    high = add_incident("Sort %s" % w, risk="high",
                        reported="'2025-03-02 10:00 Europe/London'")
    none = add_incident("Sort %s" % w, reported="'2025-03-03 10:00 Europe/London'")
    medium = add_incident("Sort %s" % w, risk="medium",
                          reported="'2025-03-04 10:00 Europe/London'")
    assert found(q=w) == [medium, none, high, old]
    assert found(q=w, sort="oldest") == [old, high, none, medium]
    assert found(q=w, sort="risk") == [high, medium, old, none]
    assert found(q=w, sort="reference") == sorted([old, high, none, medium])
    r, _ = search(q=w, sort="risk")
    assert "Sorted by: Highest risk first" in r.text


def test_count_and_paging_keep_the_filters():
    w = word()
    refs = {add_incident("Paging %s" % w, status="monitoring") for _ in range(27)}
    add_incident("Paging %s but open" % w, status="open")
    r, first = search(q=w, status="monitoring", sort="oldest")
    assert r.status_code == 200
    assert "27 incidents found" in r.text
    assert len(first) == 25
    nxt = re.search(r'<a class="govuk-link govuk-pagination__link" href="([^"]+)" '
                    r'rel="next"', r.text)
    assert nxt, "no link to the next page"
    r2 = as_role("police_officer").get(URL + unescape(nxt.group(1)))
    assert r2.status_code == 200
    second = REF.findall(r2.text)
    assert len(second) == 2
    assert set(first) | set(second) == refs
    # The form on page 2 still shows the filters.
    assert 'value="%s"' % w in r2.text
    assert '<option value="monitoring" selected>' in r2.text
    assert '<option value="oldest" selected>' in r2.text
    assert 'aria-current="page">2<' in r2.text
    r3, third = search(q=w, status="monitoring", page="3")
    assert third == [] and "No incidents on this page" in r3.text


def test_too_long_a_search_is_refused_not_cut():
    w = word()
    ref = add_incident("Long %s" % w)
    long_q = (w + " ") * (201 // (len(w) + 1) + 1)
    assert len(long_q) > 200
    r, refs = search(q=long_q)
    assert r.status_code == 400
    assert "There is a problem" in r.text
    assert "Search must be 200 characters or fewer" in r.text
    assert refs == [] and "incidents found" not in r.text
    # What was typed is kept for correcting.
    assert long_q.strip() in r.text
    # 200 characters exactly is a search.
    ok = (w + " ") * (200 // (len(w) + 1))
    ok = ok + "x" * (200 - len(ok))
    r, refs = search(q=ok[:200])
    assert r.status_code == 200


@pytest.mark.parametrize("param,value,message", [
    ("status", "lost", "Select a status from the list"),
    ("type", "no-such-type", "Select a type of behaviour from the list"),
    ("risk", "extreme", "Select a risk level from the list"),
    ("flag", "famous", "Select a flag from the list"),
    ("area", "beat:NOWHERE", "Select an area from the list"),
    ("sort", "random", "Select an order from the list"),
    ("from", "2026-02-30", "Reported from must be a real date"),
    ("to", "yesterday", "Reported to must be a real date"),
])
def test_unknown_filter_value_is_a_message(param, value, message):
    r, refs = search(**{param: value})
    assert r.status_code == 400, r.status_code
    assert "There is a problem" in r.text and message in r.text
    assert refs == []


def test_dates_the_wrong_way_round():
    r, _ = search(**{"from": "2026-03-02", "to": "2026-03-01"})
    assert r.status_code == 400
    assert "Reported to must be the same as or after reported from" in r.text


def test_another_agency_never_finds_what_it_may_not_see():
    w = word()
    pc = postcode()
    theirs = add_incident("Housing only %s" % w, agency="hackney-homes",
                          sharing="agency", pc=pc)
    ours = add_incident("Police %s" % w, agency="city-police", sharing="agency", pc=pc)
    r, refs = search(q=w)
    assert refs == [ours] and "1 incident found" in r.text
    assert found(q=pc) == [ours]
    assert found(q=theirs.split("-")[-1]) == []
    r, refs = search(role="partner_reporter", q=w)
    assert refs == [theirs] and "1 incident found" in r.text
