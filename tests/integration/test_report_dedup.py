"""Reports of the same thing — same type, within 150 m and 2 hours of an open
incident — join that incident as further reports; each reporter keeps their
own reference and tracking link."""
import pytest
import requests

from stack import URL
from test_report_form import WHERE, done, submit, to_check

GUILDHALL = ("-0.0917000", "51.5155000")
NEARBY = ("-0.0912000", "51.5158000")      # about 50 m away
FARTHER = ("-0.0917000", "51.5191000")     # about 400 m north


@pytest.fixture(autouse=True)
def no_rate_limit(rds):
    yield
    for key in rds.scan_iter("concord:ratelimit:*"):
        rds.delete(key)


def report_at(point, noise=False):
    s = requests.Session()
    to_check(s, noise=noise)
    where = dict(WHERE, lon=point[0], lat=point[1])
    r = s.post(URL + "/report/where", data=dict(where, csrf=_csrf(s, "/report/where")),
               allow_redirects=False)
    assert r.status_code == 303, r.text[:500]
    r, _, _ = submit(s)
    assert r.status_code == 303, r.text[:500]
    ref, track, _ = done(s)
    return ref, track


def _csrf(s, path):
    from staff import csrf_of
    return csrf_of(s.get(URL + path).text)


def incident_of(db, ref):
    with db.cursor() as cur:
        cur.execute("SELECT r.incident_id, i.reference FROM report r JOIN incident i "
                    "ON i.id = r.incident_id WHERE r.reference = %s", (ref,))
        return cur.fetchone()


def test_a_second_report_nearby_joins_the_first_incident(db):
    first, _ = report_at(GUILDHALL)
    second, track = report_at(NEARBY)
    assert first != second
    assert incident_of(db, second) == incident_of(db, first)
    assert incident_of(db, first)[1] == first
    # The second reporter's own tracking page works.
    page = requests.get(URL + track)
    assert page.status_code == 200 and second in page.text


def test_outside_the_radius_or_of_another_type_is_a_new_incident(db):
    first, _ = report_at(GUILDHALL)
    far, _ = report_at(FARTHER)
    other_type, _ = report_at(GUILDHALL, noise=True)
    ids = {incident_of(db, r)[0] for r in (first, far, other_type)}
    assert len(ids) == 3


def test_outside_the_window_or_once_closed_is_a_new_incident(db):
    first, _ = report_at(GUILDHALL)
    inc = incident_of(db, first)[0]
    with db.cursor() as cur:
        cur.execute("UPDATE incident SET reported_at = now() - interval '3 hours' "
                    "WHERE id = %s", (inc,))
    later, _ = report_at(GUILDHALL)
    assert incident_of(db, later)[0] != inc
    with db.cursor() as cur:
        cur.execute("UPDATE incident SET status = 'closed' WHERE id = %s",
                    (incident_of(db, later)[0],))
    again, _ = report_at(GUILDHALL)
    assert incident_of(db, again)[0] not in (inc, incident_of(db, later)[0])
