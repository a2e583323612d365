"""Webhooks out (jobs/webhook.c): every change of an incident a CAD client
made or follows is queued in the change's transaction (0046_cad_api.sql)
and the worker sends it to a real receiver here, signed with the client's
key exactly as a client signs its requests: in order per incident, again
with backoff while the receiver is down or failing, a dead letter after
the last try, and sent again when an administrator replays it from
/admin/api-clients/{id}/deliveries."""
import http.server
import json
import re
import socket
import threading

import pytest

import cad
from stack import URL, wait_for
from staff import as_role, csrf_of
from test_intake import intake, one, police

BISHOPSGATE = ("-0.0810", "51.5180")


class Receiver:
    """A webhook receiver on 127.0.0.1: checks each POST's signature with
    the client's secret, records it, and answers `status`."""

    def __init__(self, port=0):
        self.port = port
        self.status = 204
        self.secret = None
        self.got = []           # (headers, path, body, signature valid)
        self.lock = threading.Lock()
        self.server = None

    def start(self):
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                path, _, query = self.path.partition("?")
                h = self.headers
                valid = receiver.secret is not None and h["Concord-Signature"] == cad.signature(
                    receiver.secret, "POST", path, query, h["Concord-Timestamp"],
                    h["Concord-Nonce"], body)
                with receiver.lock:
                    receiver.got.append((dict(h), self.path, body, valid))
                    status = receiver.status
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        http.server.ThreadingHTTPServer.allow_reuse_address = True
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def url(self):
        return f"http://127.0.0.1:{self.port}/cad/hooks?via=concord"

    def answer(self, status):
        with self.lock:
            self.status = status

    def received(self):
        with self.lock:
            return list(self.got)

    def bodies(self):
        return [json.loads(body) for _, _, body, _ in self.received()]

    def delivery_ids(self):
        return [int(h["Concord-Delivery"]) for h, _, _, _ in self.received()]


def free_port():
    """A port nothing listens on (yet): the receiver that is down."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def receiver():
    r = Receiver().start()
    yield r
    r.stop()


def client_for(db, receiver):
    c = cad.make_client(db, webhook_url=receiver.url())
    receiver.secret = c.secret
    return c


def deliveries(db, client_id):
    """(id, event, state, attempts, last_status) of the client's deliveries, oldest first."""
    with db.cursor() as cur:
        cur.execute("SELECT id, event, state, attempts, last_status FROM webhook_delivery "
                    "WHERE client_id = %s ORDER BY id", (client_id,))
        return cur.fetchall()


def attempts_of(db, delivery_id):
    with db.cursor() as cur:
        cur.execute("SELECT attempt, http_status, error, duration_ms FROM webhook_attempt "
                    "WHERE delivery_id = %s ORDER BY id", (delivery_id,))
        return cur.fetchall()


def followed_incident(db, client):
    """An incident a police officer made, which the client then follows:
    it hears of its later changes only. Returns (id, reference)."""
    out = intake(police(db, lon=BISHOPSGATE[0], lat=BISHOPSGATE[1]))
    assert out["result"] == "ok", out
    with db.cursor() as cur:
        cur.execute("INSERT INTO api_subscription (client_id, incident_id) VALUES (%s, %s)",
                    (client.client_id, out["incident_id"]))
    return out["incident_id"], out["reference"]


def change(db, incident_id, sql, *args):
    """One change of the incident in a transaction of its own, as any page
    or endpoint would commit it: the triggers queue what the client hears."""
    with db.cursor() as cur:
        cur.execute("UPDATE incident SET " + sql + " WHERE id = %s", (*args, incident_id))


def test_the_clients_own_incident_is_told_signed(db, receiver):
    """An incident the client's own account makes: its allocations reach
    the webhook address at once, signed with the client's key, with the
    delivery's id and event, the body as queued, each attempt recorded."""
    c = client_for(db, receiver)
    s = police(db, channel="cad", lon=BISHOPSGATE[0], lat=BISHOPSGATE[1])
    for k in ("officer", "risk", "risk_version", "people"):
        s.pop(k)
    out = intake(s, f"{c.name}@api-clients.invalid")
    assert out["result"] == "ok", out
    queued = wait_for(lambda: [d for d in deliveries(db, c.client_id) if d[2] == "delivered"]
                      if len(receiver.received()) >= 2 else None,
                      what="the two allocations delivered")
    got = receiver.received()
    assert [v for _, _, _, v in got] == [True, True], "a signature did not check"
    assert [h["Concord-Key-Id"] for h, _, _, _ in got] == [c.key_id] * 2
    assert [h["Concord-Event"] for h, _, _, _ in got] == ["allocation"] * 2
    assert all(h["Content-Type"] == "application/json" for h, _, _, _ in got)
    assert all(p == "/cad/hooks?via=concord" for _, p, _, _ in got)
    assert receiver.delivery_ids() == [d[0] for d in queued]
    bodies = receiver.bodies()
    assert [b["incident"]["reference"] for b in bodies] == [out["reference"]] * 2
    assert [b["data"]["kind"] for b in bodies] == ["neighbourhood", "council"]
    with db.cursor() as cur:
        cur.execute("SELECT payload FROM webhook_delivery WHERE id = %s", (queued[0][0],))
        assert cur.fetchone()[0] == bodies[0]
    for d in queued:
        assert d[3:] == (1, 204)
        ((n, status, error, ms),) = attempts_of(db, d[0])
        assert (n, status, error) == (1, 204, None) and ms >= 0


def test_an_incidents_changes_arrive_in_order_while_one_is_retried(db, receiver):
    """Several changes in a row; the first is refused once. The later ones
    wait for it, so the client hears them in the order they happened; an
    other incident's change is not held up meanwhile."""
    c = client_for(db, receiver)
    iid, ref = followed_incident(db, c)
    other_iid, other_ref = followed_incident(db, c)
    receiver.answer(500)
    change(db, iid, "status = 'open'")
    wait_for(lambda: receiver.received(), what="the first try, refused")
    receiver.answer(204)
    risk_before = one(db, "SELECT risk_level::text FROM incident WHERE id = %s", iid)[0]
    change(db, iid, "risk_level = 'medium', risk_score = 12")
    change(db, iid, "status = 'in_progress'")
    change(db, iid, "status = 'monitoring'")
    change(db, other_iid, "status = 'open'")

    wait_for(lambda: len(receiver.received()) >= 6, what="every change delivered")
    bodies = receiver.bodies()
    mine = [(b["event"], b["data"]) for b in bodies if b["incident"]["reference"] == ref]
    assert mine == [("status", {"from": "new", "to": "open"})] * 2 + [
        ("risk", {"from": risk_before, "to": "medium", "score": 12}),
        ("status", {"from": "open", "to": "in_progress"}),
        ("status", {"from": "in_progress", "to": "monitoring"})], mine
    ids = [i for i, b in zip(receiver.delivery_ids(), bodies) if b["incident"]["reference"] == ref]
    assert ids[0] == ids[1] and ids[1:] == sorted(ids[1:]), ids
    # The other incident's change went while the first one waited to be tried again.
    assert bodies.index(next(b for b in bodies if b["incident"]["reference"] == other_ref)) < \
        [i for i, b in enumerate(bodies) if b["incident"]["reference"] == ref][2]
    assert all(v for _, _, _, v in receiver.received())
    first = deliveries(db, c.client_id)[0]
    assert [(n, s) for n, s, _, _ in attempts_of(db, first[0])] == [(1, 500), (2, 204)]


def test_a_receiver_that_was_down_gets_it_once_it_is_up(db):
    """Nothing listens at the address: each try fails and is recorded, the
    next one later; once the receiver is up the delivery arrives."""
    late = Receiver(free_port())
    c = client_for(db, late)
    iid, ref = followed_incident(db, c)
    change(db, iid, "status = 'open'")
    (did, *_), = wait_for(lambda: [d for d in deliveries(db, c.client_id) if d[3] >= 1],
                          what="a first try that found nobody")
    tries = attempts_of(db, did)
    assert tries[0][1] is None and "connect" in tries[0][2].lower(), tries
    late.start()
    try:
        wait_for(lambda: deliveries(db, c.client_id)[0][2] == "delivered", timeout=20,
                 what="the delivery once the receiver is up")
        assert [b["incident"]["reference"] for b in late.bodies()] == [ref]
        assert all(v for _, _, _, v in late.received())
        tries = attempts_of(db, did)
        assert len(tries) > 1 and tries[-1][:3] == (len(tries), 204, None), tries
        assert all(t[1] is None for t in tries[:-1]), tries
        (_, _, state, attempts, last), = deliveries(db, c.client_id)
        assert (state, attempts, last) == ("delivered", len(tries), 204)
    finally:
        late.stop()


def deliveries_page(session, client_id):
    r = session.get(f"{URL}/admin/api-clients/{client_id}/deliveries", allow_redirects=False)
    assert r.status_code == 200, (r.status_code, r.text[:300])
    return r.text


def test_a_dead_letter_is_shown_and_replayed_by_an_administrator(db, receiver):
    """The receiver answers 500 to the end: after the last try the delivery
    is dead, shown with its attempts; the administrator's Replay sends it
    again from its first attempt, audited."""
    c = client_for(db, receiver)
    iid, ref = followed_incident(db, c)
    receiver.answer(500)
    change(db, iid, "status = 'open'")
    (did, *_), = wait_for(lambda: [d for d in deliveries(db, c.client_id) if d[3] >= 1],
                          what="a first try, refused")
    # Not hours of backoff: the tries so far are taken as the last but one.
    with db.cursor() as cur:
        cur.execute("UPDATE webhook_delivery SET attempts = 7, next_at = now() "
                    "WHERE id = %s AND state = 'pending'", (did,))
    wait_for(lambda: deliveries(db, c.client_id)[0][2] == "dead", what="the dead letter")
    assert deliveries(db, c.client_id)[0][2:] == ("dead", 8, 500)
    assert all(v for _, _, _, v in receiver.received())
    sent = len(receiver.received())

    admin = as_role("administrator")
    page = deliveries_page(admin, c.client_id)
    assert f"Webhook deliveries to {c.name}" in page
    dead = page.split('id="dead-letters"')[1].split('id="recent-deliveries"')[0]
    assert ref in dead and "Replay" in dead
    assert re.search(r"Attempt 8, [^<]*: HTTP 500 in \d+ ms \(the receiver answered 500\)", dead)
    assert "Dead letter" in page.split('id="recent-deliveries"')[1]

    officer = as_role("police_officer")
    r = officer.get(f"{URL}/admin/api-clients/{c.client_id}/deliveries", allow_redirects=False)
    assert r.status_code == 403

    receiver.answer(200)
    r = admin.post(f"{URL}/admin/api-clients/{c.client_id}/deliveries/{did}/replay",
                   data={"csrf": csrf_of(page)}, allow_redirects=False)
    assert r.status_code == 303
    assert r.headers["Location"] == f"/admin/api-clients/{c.client_id}/deliveries"
    wait_for(lambda: deliveries(db, c.client_id)[0][2] == "delivered", what="the replay delivered")
    assert len(receiver.received()) == sent + 1 and receiver.received()[-1][3]
    assert receiver.bodies()[-1]["incident"]["reference"] == ref
    admin_id = one(db, "SELECT id FROM app_user WHERE email = 'admin@police.example'")[0]
    assert one(db, "SELECT attempts, replayed_by, replayed_at IS NOT NULL FROM webhook_delivery "
                   "WHERE id = %s", did) == (1, admin_id, True)
    assert one(db, "SELECT actor_id, before, after FROM audit_event WHERE entity = "
                   "'webhook_delivery' AND entity_id = %s AND action = 'replay'", str(did)) == \
        (admin_id, {"state": "dead", "attempts": 8}, {"state": "pending", "attempts": 0})

    page = deliveries_page(admin, c.client_id)
    assert f"Delivery {did} will be sent again." in page
    assert "There are no dead letters." in page
    recent = page.split('id="recent-deliveries"')[1]
    assert "Delivered" in recent and "Replayed by" in recent
    assert re.search(r"Attempt 1, [^<]*: HTTP 200 in \d+ ms", recent)

    # A second replay of what is no longer dead changes nothing.
    r = admin.post(f"{URL}/admin/api-clients/{c.client_id}/deliveries/{did}/replay",
                   data={"csrf": csrf_of(page)}, allow_redirects=False)
    assert r.status_code == 303
    assert f"Delivery {did} is not a dead letter" in deliveries_page(admin, c.client_id)
    assert one(db, "SELECT state, attempts FROM webhook_delivery WHERE id = %s", did) == \
        ("delivered", 1)


def test_a_delivery_of_another_client_is_not_found(db, receiver):
    a = client_for(db, receiver)
    b = cad.make_client(db)
    iid, _ = followed_incident(db, a)
    change(db, iid, "status = 'open'")
    (did, *_), = wait_for(lambda: deliveries(db, a.client_id), what="a delivery")
    admin = as_role("administrator")
    page = deliveries_page(admin, b.client_id)
    assert "Nothing has been sent to this client yet." in page
    r = admin.post(f"{URL}/admin/api-clients/{b.client_id}/deliveries/{did}/replay",
                   data={"csrf": csrf_of(page)}, allow_redirects=False)
    assert r.status_code == 404
    assert admin.get(f"{URL}/admin/api-clients/999999999/deliveries").status_code == 404


def test_an_update_marked_for_the_cad_reaches_the_cad(db, receiver):
    """On the incident page, an officer may send an update to the CAD that
    follows the incident (the choice is there only then); the CAD hears of
    that update, and of no update it was not sent."""
    c = client_for(db, receiver)
    unfollowed = intake(police(db, lon=BISHOPSGATE[0], lat=BISHOPSGATE[1]))
    iid, ref = followed_incident(db, c)
    officer = as_role("police_supervisor")
    page = officer.get(f"{URL}/staff/incidents/{unfollowed['reference']}")
    assert page.status_code == 200 and 'name="for_cad"' not in page.text
    page = officer.get(f"{URL}/staff/incidents/{ref}")
    assert 'name="for_cad"' in page.text, "no choice to send the update to the CAD"
    version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
    for text, send in (("Staff only: spoke to the housing officer", None),
                       ("Patrol attended, group dispersed", "yes")):
        seen = re.search(r'name="seen" value="(\d*)"', page.text).group(1)
        form = {"csrf": csrf_of(page.text), "version": version, "seen": seen,
                "text": text, "shared": "no"}
        if send:
            form["for_cad"] = send
        r = officer.post(f"{URL}/staff/incidents/{ref}/updates", data=form,
                         allow_redirects=False)
        assert r.status_code == 303, r.text[:300]
        page = officer.get(f"{URL}/staff/incidents/{ref}")
        version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
    wait_for(lambda: [b for b in receiver.bodies() if b["event"] == "update"],
             what="the update sent to the CAD")
    updates = [b for b in receiver.bodies() if b["event"] == "update"]
    assert [(b["incident"]["reference"], b["data"]["text"]) for b in updates] == \
        [(ref, "Patrol attended, group dispersed")]
    assert all(v for _, _, _, v in receiver.received()), "a signature did not check"
