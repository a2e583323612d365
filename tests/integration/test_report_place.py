"""Each report keeps its own place and times. A report that joins an
earlier incident was posted at its own point and address, which may be in
another street: its row keeps them, the incident keeps its own, Open311
publishes each report where it was reported, and the incident's page shows
each report's own address."""
import pytest
import requests

from staff import as_role
from test_open311 import API, api_key, json_of, no_rate_count, post, vehicle  # noqa: F401
from test_report_consent import nothing_open_near
from test_report_form import get

FIRST = ("-0.0940000", "51.5125000", "Old Change Court, EC4")
SECOND = ("-0.0925600", "51.5125000", "Bread Street, EC4")    # about 100 m east


@pytest.fixture(autouse=True)
def nothing_open_nearby(db):
    nothing_open_near(db, FIRST)


def sent_at(key, where):
    data = vehicle(key, 0, long=where[0], lat=where[1], address_string=where[2])
    return json_of(post(data))[0]["service_request_id"]


def test_a_report_that_joins_keeps_its_own_point_and_address(api_key, db):  # noqa: F811
    first, second = sent_at(api_key, FIRST), sent_at(api_key, SECOND)
    with db.cursor() as cur:
        cur.execute("SELECT r.reference, i.reference, ST_X(r.location), ST_Y(r.location), "
                    "r.address, ST_X(i.location), i.address "
                    "FROM report r JOIN incident i ON i.id = r.incident_id "
                    "WHERE r.reference IN (%s, %s) ORDER BY r.id", (first, second))
        rows = cur.fetchall()
    assert [r[1] for r in rows] == [first, first], "the second joins the first's incident"
    for row, where in zip(rows, (FIRST, SECOND)):
        assert row[2] == pytest.approx(float(where[0]), abs=1e-7)
        assert row[3] == pytest.approx(float(where[1]), abs=1e-7)
        assert row[4] == where[2]
    # The incident keeps the place it was first reported at.
    assert rows[1][5] == pytest.approx(float(FIRST[0]), abs=1e-7)
    assert rows[1][6] == FIRST[2]

    for ref, where in ((first, FIRST), (second, SECOND)):
        g = json_of(requests.get(f"{API}/requests/{ref}.json"))[0]
        assert g["long"] == pytest.approx(float(where[0]), abs=1e-6), ref
        assert g["lat"] == pytest.approx(float(where[1]), abs=1e-6), ref
        assert g["address"] == where[2], ref
    listed = {g["service_request_id"]: g for g in
              json_of(requests.get(f"{API}/requests.json",
                                   params={"service_code": "abandoned-vehicles"}))}
    assert listed[second]["long"] == pytest.approx(float(SECOND[0]), abs=1e-6)

    page = get(as_role("council_officer"), "/staff/incidents/" + first).text
    one, two = page.index("Report " + first), page.index("Report " + second)
    assert FIRST[2] in page[one:two] and SECOND[2] not in page[one:two]
    assert SECOND[2] in page[two:]
