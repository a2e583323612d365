"""Reports of the same thing — same type, within 150 m and 2 hours of an open
incident — join that incident as further reports; each reporter keeps their
own reference and tracking link."""
import concurrent.futures
import re
import threading

import pytest
import requests

from stack import backdate, URL
from test_report_form import WHERE, done, submit, to_check

GUILDHALL = ("-0.0917000", "51.5155000")
NEARBY = ("-0.0912000", "51.5158000")      # about 50 m away
FARTHER = ("-0.0917000", "51.5191000")     # about 400 m north


def quiet_near(db, point):
    """No open incident within 1 km of point that a report could join
    (earlier tests, or earlier runs on the same stack, leave some)."""
    with db.cursor() as cur:
        backdate(cur, "UPDATE incident SET reported_at = reported_at - interval '1 day' "
                    "WHERE status <> 'closed' AND reported_at > now() - interval '1 day' "
                    "AND ST_DWithin(location::geography, "
                    "ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, 1000)",
                    (float(point[0]), float(point[1])))


@pytest.fixture(autouse=True)
def no_rate_limit(rds, db):
    """Each test starts with no open incident near these points that a
    report could join, and with nothing counted against this address."""
    quiet_near(db, GUILDHALL)
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
        backdate(cur, "UPDATE incident SET reported_at = now() - interval '3 hours' "
                    "WHERE id = %s", (inc,))
    later, _ = report_at(GUILDHALL)
    assert incident_of(db, later)[0] != inc
    with db.cursor() as cur:
        cur.execute("UPDATE incident SET status = 'closed' WHERE id = %s",
                    (incident_of(db, later)[0],))
    again, _ = report_at(GUILDHALL)
    assert incident_of(db, again)[0] not in (inc, incident_of(db, later)[0])


def test_reports_sent_at_the_same_moment_make_one_incident(db):
    """Six neighbours send their reports of the same thing at once: the
    neighbourhood lock lets one create the incident and the others join it."""
    points = [(f"{-0.0917 + 0.0002 * (i % 3):.7f}", f"{51.5155 + 0.0002 * (i // 3):.7f}")
              for i in range(6)]                 # all within about 40 m
    ready = []
    for p in points:
        s = requests.Session()
        to_check(s)
        r = s.post(URL + "/report/where", data=dict(
            WHERE, lon=p[0], lat=p[1], csrf=_csrf(s, "/report/where")),
            allow_redirects=False)
        assert r.status_code == 303, r.text[:500]
        check = s.get(URL + "/report/check").text
        key = re.search(r'name="idempotency-key" value="([0-9a-f]+)"', check).group(1)
        ready.append((s, {"csrf": _csrf(s, "/report/check"), "idempotency-key": key}))
    barrier = threading.Barrier(len(ready))

    def send(item):
        s, form = item
        barrier.wait()
        return s.post(URL + "/report/submit", data=form, allow_redirects=False)

    with concurrent.futures.ThreadPoolExecutor(len(ready)) as pool:
        replies = list(pool.map(send, ready))
    assert [r.status_code for r in replies] == [303] * len(ready)
    refs = [done(s)[0] for s, _ in ready]
    incidents = {incident_of(db, ref)[0] for ref in refs}
    assert len(set(refs)) == len(ready) and len(incidents) == 1, (refs, incidents)
