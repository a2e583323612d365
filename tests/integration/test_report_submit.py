"""Sending the public form when things go wrong: once the report's
transaction commits, the person sees their confirmation whatever Redis
does; a second send of the same draft answers at once and ends at the same
report; no handler sleeps waiting for another request."""
import contextlib
import json
import os
import re
import threading
import time

import psycopg2
import pytest

from stack import ROOT, URL, read_conf, wait_for
from staff import csrf_of
from test_report_form import done, get, no_rate_limit, to_check

assert no_rate_limit  # the fixture, imported to take effect here

REFERENCE = re.compile(r'id="reference">(ASB-\d{4}-\d{6,})<')
TRACK = re.compile(r'id="tracking-link" href="https?://[^/"]+(/track/[^"?]+\?t=[0-9a-f]{64})"')


def check_form(s):
    """The check page's form fields, for sending it (maybe more than once)."""
    page = get(s, "/report/check").text
    key = re.search(r'name="idempotency-key" value="([0-9a-f]+)"', page).group(1)
    return {"csrf": csrf_of(page), "idempotency-key": key}


class HeldReports:
    """Holds the report table so that a submit waits inside its transaction,
    between taking the submit lock and its COMMIT, until released."""

    def __init__(self, db):
        self.db = db
        self.conn = psycopg2.connect(read_conf()["db_admin"])
        self.conn.cursor().execute("LOCK TABLE report IN EXCLUSIVE MODE")

    def waiting(self):
        with self.db.cursor() as c:
            c.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = "
                      "'Lock' AND query LIKE '%%INSERT INTO report %%'")
            return c.fetchone()[0] > 0

    def release(self):
        if not self.conn.closed:
            self.conn.commit()
            self.conn.close()


def send_in_background(s, form):
    """Posts the check page from a thread; returns it and where its answer goes."""
    out = {}

    def run():
        out["r"] = s.post(URL + "/report/submit", data=form, allow_redirects=False,
                          timeout=60)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t, out


@contextlib.contextmanager
def sending_held(s, db):
    """A draft on its way: its submit has taken the lock and waits inside
    its transaction until the block ends. Yields the form sent, the thread
    sending it and where its answer goes."""
    to_check(s)
    form = check_form(s)
    held = HeldReports(db)
    try:
        t, out = send_in_background(s, form)
        wait_for(held.waiting, what="the submit to reach its INSERT")
        yield form, t, out
    finally:
        held.release()
    t.join(60)


def reports_with(db, key):
    with db.cursor() as c:
        c.execute("SELECT reference FROM report WHERE idempotency_key = %s", (key,))
        return [row[0] for row in c.fetchall()]


def test_redis_gone_after_the_commit_still_shows_the_confirmation(http, db, services):
    with sending_held(http, db) as (form, t, out):
        # Redis goes away while the report is being written: the lock, the
        # rate limit and the draft were read; the result cannot be kept.
        services.stop("redis")
    r = out["r"]
    assert r.status_code == 200, (r.status_code, r.text[:800])
    assert "govuk-panel--confirmation" in r.text
    ref = REFERENCE.search(r.text).group(1)
    track = TRACK.search(r.text).group(1)
    assert reports_with(db, form["idempotency-key"]) == [ref]
    tracked = http.get(URL + track)
    assert tracked.status_code == 200 and ref in tracked.text

    # Redis back (its draft kept, no result in it): the confirmation is
    # found again in the database by the draft's key, with its tracking
    # link, and sending the form again makes no second report.
    services.start("redis")
    again, link, _ = done(http)
    assert (again, link) == (ref, track)
    resent = http.post(URL + "/report/submit", data=form, allow_redirects=False)
    assert resent.status_code == 303 and resent.headers["Location"] == "/report/done"
    assert reports_with(db, form["idempotency-key"]) == [ref]


def test_a_second_send_while_the_first_is_saving_answers_at_once(http, db):
    with sending_held(http, db) as (form, t, out):
        began = time.monotonic()
        second = http.post(URL + "/report/submit", data=form, allow_redirects=False,
                           timeout=60)
        answered = time.monotonic() - began
        # Answered while the first still waits: nobody slept on its lock.
        assert t.is_alive()
        assert answered < 2, answered
        assert second.status_code == 202, (second.status_code, second.text[:800])
        assert "Your report is being sent" in second.text
        assert 'href="/report/done"' in second.text
        # The page's link says the same until the report is saved.
        look = http.get(URL + "/report/done", allow_redirects=False)
        assert look.status_code == 202 and "Your report is being sent" in look.text
        assert t.is_alive()
    first = out["r"]
    assert first.status_code == 303 and first.headers["Location"] == "/report/done"
    ref, track, page = done(http)
    assert track is not None
    assert reports_with(db, form["idempotency-key"]) == [ref]


def test_the_submit_lock_strands_no_one(http, db, rds):
    """A lock left behind by a request that died after its commit is not
    waited for: the database knows the report, and its confirmation (with
    the tracking link) is shown at once."""
    to_check(http)
    form = check_form(http)
    r = http.post(URL + "/report/submit", data=form, allow_redirects=False)
    assert r.status_code == 303
    [ref] = reports_with(db, form["idempotency-key"])
    # As if that request had died after its commit: the lock still held and
    # the draft without its result.
    lock = f"concord:report-submit:{form['idempotency-key']}"
    rds.set(lock, "1", ex=60)
    for key in rds.scan_iter("concord:draft:*"):
        doc = json.loads(rds.get(key))
        if doc.get("idem") == form["idempotency-key"]:
            del doc["result"]
            rds.set(key, json.dumps(doc), ex=3600)
    began = time.monotonic()
    again = http.post(URL + "/report/submit", data=form, allow_redirects=False)
    assert time.monotonic() - began < 2
    assert again.status_code == 303 and again.headers["Location"] == "/report/done"
    got, track, _ = done(http)
    assert got == ref and track is not None
    tracked = http.get(URL + track)
    assert tracked.status_code == 200 and ref in tracked.text
    assert reports_with(db, form["idempotency-key"]) == [ref]


@pytest.mark.parametrize("folder", ["fcgi/pages", "fcgi/api"])
def test_no_handler_sleeps(folder):
    """A worker serves one request at a time: a handler that sleeps stops
    everyone else's requests too."""
    call = re.compile(r"\b(?:u|nano)?sleep\s*\(")
    found = []
    for name in sorted(os.listdir(os.path.join(ROOT, folder))):
        if name.endswith(".c"):
            with open(os.path.join(ROOT, folder, name)) as f:
                found += [f"{name}:{i}" for i, line in enumerate(f, 1) if call.search(line)]
    assert found == []
