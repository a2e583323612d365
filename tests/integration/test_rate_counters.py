"""Every limit counts with one windowed counter (fcgi/store/counter.c) that
gives its Redis key an expiry in the same atomic step as the count. The old
INCR-then-EXPIRE left a key without expiry whenever the EXPIRE was lost, and
then the block never ended: each test plants such a key, as that failure
left it, and checks that the next count gives it back its window."""
import json
import os
import time
import uuid

import requests

from loopback import fresh_address, session_from
from stack import CONF, URL
from staff import csrf_of
from test_report_form import submit, to_check


def no_expiry(rds, key, count):
    rds.set(key, count)
    assert rds.ttl(key) == -1


def test_a_sign_in_failure_gives_a_stranded_counter_its_window_back(rds):
    addr = fresh_address()
    key = "concord:thr:ip:" + addr
    no_expiry(rds, key, 3)
    s = session_from(addr)
    page = s.get(URL + "/staff/sign-in")
    r = s.post(URL + "/staff/sign-in", data={
        "csrf": csrf_of(page.text), "email": "nobody@example.org",
        "password": "not a password"}, allow_redirects=False)
    assert r.status_code == 401
    assert rds.get(key) == "4"
    assert 0 < rds.ttl(key) <= 15 * 60
    # Nothing the failure counted is left without an expiry either.
    for k in rds.scan_iter("concord:thr:*"):
        assert rds.ttl(k) > 0, k
    for k in rds.scan_iter("concord:thr:*"):
        rds.delete(k)


def test_a_report_gives_a_stranded_submit_counter_its_window_back(rds):
    addr = fresh_address()
    key = "concord:ratelimit:report:" + addr
    no_expiry(rds, key, 1)
    s = session_from(addr)
    to_check(s)
    r, _, _ = submit(s)
    assert r.status_code == 303, (r.status_code, r.text[:500])
    assert rds.get(key) == "2"
    assert 0 < rds.ttl(key) <= 3600


def test_an_open311_post_gives_a_stranded_rate_counter_its_window_back(rds, db):
    with open(os.path.join(os.path.dirname(CONF), "demo-clients.json")) as f:
        api_key = json.load(f)["open311"]["api_key"]
    with db.cursor() as c:
        c.execute("SELECT id FROM api_client WHERE name = 'demo-open311'")
        cid = c.fetchone()[0]
    minute = int(time.time()) // 60
    keys = ["concord:open311:rate:%d:%d" % (cid, m) for m in (minute, minute + 1)]
    for k in keys:
        no_expiry(rds, k, 1)
    try:
        r = requests.post(URL + "/open311/v2/requests.json", data={
            "api_key": api_key, "service_code": "abandoned-vehicles",
            "attribute[make_and_colour]": "a blue van", "attribute[days_there]": "3",
            "description": "Counter test " + uuid.uuid4().hex, "long": "-0.0930", "lat": "51.5170"})
        assert r.status_code == 200, (r.status_code, r.text[:500])
        counted = [k for k in keys if rds.get(k) == "2"]
        assert len(counted) == 1
        assert 0 < rds.ttl(counted[0]) <= 120
    finally:
        for k in keys:
            rds.delete(k)
