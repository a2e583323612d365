"""Updates on an incident: staff add them, shared with the people who
reported it or for staff only; a status change adds a shared one in plain
words; reporters who asked for email updates get an email (one per address,
with only their own references), those who did not get none, and the
reason for closing never reaches a reporter."""
import email
import hashlib
import os
import re
import secrets
import uuid

import pytest
import requests

from stack import backdate, URL, read_conf, wait_for
from staff import as_role, csrf_of


def make_report(cur, incident_id, address, updates):
    """A public report of the incident by someone with this address, stored
    as the public form stores one (the form itself is walked in the last
    test); its reference and the tracking path only they were given."""
    token = secrets.token_hex(32)
    cur.execute("INSERT INTO person (owning_agency_id, given_name, email, "
                "preferred_contact, contact_consent) SELECT owning_agency_id, "
                "'Reporter', %s, 'email', true FROM incident WHERE id = %s "
                "RETURNING id", (address, incident_id))
    person = cur.fetchone()[0]
    cur.execute("INSERT INTO report (reference, incident_id, channel, tracking_hash, "
                "reporter_id, description, email_updates, owning_agency_id) "
                "SELECT next_reference(), id, 'public', %s, %s, 'Gathering again', %s, "
                "owning_agency_id FROM incident WHERE id = %s RETURNING reference",
                (hashlib.sha256(token.encode()).hexdigest(), person, updates,
                 incident_id))
    ref = cur.fetchone()[0]
    return ref, "/track/%s?t=%s" % (ref, token)


@pytest.fixture
def case(db):
    """A new council incident reported three times, as the public form
    would store it: by Ada, who asked for email updates; by Bob, who did
    not; and by Ada again from the same address in other letter case.
    Each knows only their own tracking link. Reported a month ago, so it
    does not push the demo incidents off the first page of the list."""
    tag = uuid.uuid4().hex[:10]
    ada = "ada-%s@example.com" % tag
    bob = "bob-%s@example.com" % tag
    with db.cursor() as cur:
        cur.execute("INSERT INTO incident (reference, channel, asb_type_id, description, "
                    "owning_agency_id, sharing, status, reported_at) SELECT "
                    "next_reference(), 'public', (SELECT min(id) FROM asb_type), "
                    "'Gatherings by the shops', id, 'partnership', 'new', "
                    "now() - interval '30 days' FROM agency WHERE code = 'city-council' "
                    "RETURNING id, reference")
        inc = cur.fetchone()
        first, first_track = make_report(cur, inc[0], ada, True)
        second, second_track = make_report(cur, inc[0], bob, False)
        third, _ = make_report(cur, inc[0], ada.upper(), True)
    return {"id": inc[0], "ref": inc[1], "ada": ada, "bob": bob,
            "ada_refs": [first, third], "bob_ref": second,
            "ada_track": first_track, "bob_track": second_track}


def form_of(session, ref):
    page = session.get(URL + "/staff/incidents/%s" % ref)
    assert page.status_code == 200, page.text[:500]
    version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
    return csrf_of(page.text), version


def add_update(session, ref, text, shared, version=None):
    csrf, ver = form_of(session, ref)
    data = {"csrf": csrf, "version": version or ver, "text": text}
    if shared is not None:
        data["shared"] = "yes" if shared else "no"
    return session.post(URL + "/staff/incidents/%s/updates" % ref, data=data,
                        allow_redirects=False)


def set_status(session, ref, status, reason=""):
    csrf, ver = form_of(session, ref)
    r = session.post(URL + "/staff/incidents/%s/status" % ref, data={
        "csrf": csrf, "version": ver, "status": status, "reason": reason,
        "outcome": "resolved" if status == "closed" else ""},
        allow_redirects=False)
    assert r.status_code == 303, r.text[:800]


def timeline(track):
    """The tracking page's status and its updates, as a reporter sees them."""
    page = requests.get(URL + track)
    assert page.status_code == 200
    status = re.search(r'<strong id="status">([^<]*)</strong>', page.text).group(1)
    ol = re.search(r'<ol class="govuk-list concord-timeline">(.*?)</ol>', page.text, re.S)
    items = re.findall(r"<li[^>]*>(.*?)</li>", ol.group(1), re.S)
    texts = [" ".join(re.findall(r'<p class="govuk-body[^"]*">([^<]*)</p>', i))
             for i in items]
    return status, texts, page.text


def outbox_top(db):
    with db.cursor() as cur:
        cur.execute("SELECT coalesce(max(id), 0) FROM outbox")
        return cur.fetchone()[0]


def mails_since(db, since):
    """(outbox id, message, body) of every notify job after outbox id
    `since`, read from the mail files once the worker has delivered them
    all: a delivered job keeps no address or text in the outbox."""
    def delivered():
        with db.cursor() as cur:
            cur.execute("SELECT id, delivered_at IS NOT NULL FROM outbox "
                        "WHERE type = 'notify' AND id > %s ORDER BY id", (since,))
            rows = cur.fetchall()
        return (rows,) if all(done for _, done in rows) else None
    rows, = wait_for(delivered, timeout=20, what="the notify jobs delivered")
    return [(i,) + mail_text(i) for i, _ in rows]


def outbox_to(db, address, since):
    """Mails to address (any case) after outbox id `since`."""
    return [m for m in mails_since(db, since) if m[1]["To"].lower() == address.lower()]


def mail_text(outbox_id):
    """The message the worker wrote for a job: its headers and decoded body."""
    path = os.path.join(read_conf()["mail_outbox"], "%d.eml" % outbox_id)
    wait_for(lambda: os.path.exists(path), timeout=20, what="mail " + path)
    with open(path) as f:
        msg = email.message_from_string(f.read())
    return msg, msg.get_payload(decode=True).decode("utf-8")


def updates_after_confirmation(db, address, since):
    """The update emails (not a confirmation sent at submission)."""
    return [(i, msg) for i, msg, _ in outbox_to(db, address, since)
            if msg["Subject"].startswith("Update on your report")]


def test_shared_and_staff_only_updates(db, case):
    staff = as_role("council_officer")
    shared = "We have spoken to the landlord. Officers will visit on Monday."
    internal = "Staff only: caller thinks flat %s is involved." % case["ref"][-3:]
    since = outbox_top(db)
    r = add_update(staff, case["ref"], shared, True)
    assert r.status_code == 303 and r.headers["Location"] == "/staff/incidents/" + case["ref"]
    r = add_update(staff, case["ref"], internal, False)
    assert r.status_code == 303

    page = staff.get(URL + "/staff/incidents/" + case["ref"]).text
    assert shared in page and internal in page
    # Newest first, and only the shared one is marked as shared.
    items = re.findall(r'<li class="govuk-!-margin-bottom-4"[^>]*>(.*?)</li>',
                       page.split('id="timeline-list"', 1)[1].split("</ol>", 1)[0], re.S)
    assert internal in items[0] and "Staff only" in items[0]
    assert "Shared with reporters" not in items[0]
    assert shared in items[1] and "Shared with reporters" in items[1]

    for track in (case["ada_track"], case["bob_track"]):
        status, texts, html = timeline(track)
        assert texts[0] == shared
        assert internal not in html and "Staff only" not in html

    # One email to Ada's address for both her reports; none to Bob.
    mails = updates_after_confirmation(db, case["ada"], since)
    assert len(mails) == 1, mails
    msg, body = mail_text(mails[0][0])
    assert msg["To"].lower() == case["ada"]
    assert shared in body
    for ref in case["ada_refs"]:
        assert ref in body
    assert case["bob_ref"] not in body and case["bob"] not in body
    assert internal not in body
    assert updates_after_confirmation(db, case["bob"], since) == []

    with db.cursor() as cur:
        cur.execute("SELECT after, actor_id FROM audit_event WHERE entity = 'incident' "
                    "AND entity_id = %s AND action = 'update_added' ORDER BY id",
                    (str(case["id"]),))
        rows = cur.fetchall()
        cur.execute("SELECT id FROM app_user WHERE email = 'officer@council.example'")
        officer = cur.fetchone()[0]
    assert [r[0] for r in rows] == [{"text": shared, "public": True},
                                    {"text": internal, "public": False}]
    assert all(r[1] == officer for r in rows)


def test_a_status_change_tells_the_reporters_in_plain_words(db, case):
    staff = as_role("council_manager")
    status, texts, _ = timeline(case["ada_track"])
    assert status.startswith("Received") and texts == []
    since = outbox_top(db)
    set_status(staff, case["ref"], "in_progress")

    status, texts, _ = timeline(case["ada_track"])
    assert status == "Being dealt with"
    assert texts == ["We have started working on this."]
    mails = updates_after_confirmation(db, case["ada"], since)
    assert len(mails) == 1
    msg, body = mail_text(mails[0][0])
    assert "We have started working on this." in body and "Being dealt with" in body
    assert case["ada_refs"][0] in msg["Subject"]
    # The token is only the reporter's: the email sends them to their link.
    assert "/track/" not in body and "tracking link" in body
    assert updates_after_confirmation(db, case["bob"], since) == []

    reason = "Closing-reason-%s: suspect known to police" % uuid.uuid4().hex[:8]
    since = outbox_top(db)
    set_status(staff, case["ref"], "closed", reason)
    status, texts, html = timeline(case["bob_track"])
    assert status == "Closed"
    assert texts[0].startswith("We have closed this case")
    assert texts[1] == "We have started working on this."
    assert reason not in html and "suspect" not in html
    mails = updates_after_confirmation(db, case["ada"], since)
    assert len(mails) == 1
    _, body = mail_text(mails[0][0])
    assert "We have closed this case" in body and "Closed" in body
    assert reason not in body and "suspect" not in body
    assert not any(reason.split(":")[0] in body for _, _, body in mails_since(db, since))
    assert updates_after_confirmation(db, case["bob"], since) == []

    # Reopening is the team's business: the reporters are not told, nor emailed.
    since = outbox_top(db)
    set_status(staff, case["ref"], "open", "New reports came in")
    status, texts, _ = timeline(case["ada_track"])
    assert status == "Being looked at by our team"
    assert texts[0].startswith("We have closed this case")
    assert updates_after_confirmation(db, case["ada"], since) == []


def errors_of(html):
    return re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', html)


def test_bad_updates_are_refused_and_keep_what_was_typed(db, case):
    staff = as_role("council_officer")
    r = add_update(staff, case["ref"], "   ", True)
    assert r.status_code == 400
    assert errors_of(r.text) == [("update-text", "Enter the update")]
    assert "<title>Error:" in r.text

    long_text = "Noise again. " * 160          # 2,079 characters once trimmed
    r = add_update(staff, case["ref"], long_text, False)
    assert r.status_code == 400
    assert errors_of(r.text) == [("update-text", "Update must be 2,000 characters or fewer "
                                  "(you have 79 characters too many)")]
    assert long_text.strip() in r.text
    assert re.search(r'id="update-shared-no"[^>]* checked', r.text)

    r = add_update(staff, case["ref"], "Visited on Tuesday.", None)
    assert r.status_code == 400
    assert [f for f, _ in errors_of(r.text)] == ["update-shared"]
    assert ">Visited on Tuesday.</textarea>" in r.text

    # 2,000 characters are 2,000 characters, whatever their bytes.
    r = add_update(staff, case["ref"], "é" * 2000, False)
    assert r.status_code == 303, r.text[:800]

    # Someone else changed the incident since the form was read.
    csrf, ver = form_of(staff, case["ref"])
    add_update(staff, case["ref"], "A colleague's update.", False)
    r = staff.post(URL + "/staff/incidents/%s/updates" % case["ref"], data={
        "csrf": csrf, "version": ver, "text": "My late update.", "shared": "yes"},
        allow_redirects=False)
    assert r.status_code == 409
    assert ">My late update.</textarea>" in r.text
    assert re.search(r'id="update-shared"[^>]* checked', r.text)

    with db.cursor() as cur:
        cur.execute("SELECT text FROM incident_update WHERE incident_id = %s ORDER BY id",
                    (case["id"],))
        assert [t for (t,) in cur.fetchall()] == ["é" * 2000, "A colleague's update."]


def test_an_agency_that_cannot_see_the_incident_gets_404(db, case):
    housing = as_role("partner_reporter")      # has incident.update, not this incident
    assert housing.get(URL + "/staff/incidents/" + case["ref"]).status_code == 404
    r = housing.post(URL + "/staff/incidents/%s/updates" % case["ref"], data={
        "csrf": csrf_of(housing.get(URL + "/staff").text), "version": "1",
        "text": "Should not be stored.", "shared": "yes"}, allow_redirects=False)
    assert r.status_code == 404
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM incident_update WHERE incident_id = %s",
                    (case["id"],))
        assert cur.fetchone()[0] == 0
        cur.execute("SELECT count(*) FROM audit_event WHERE action = 'not_found' "
                    "AND entity = 'lookup' AND after->>'asked' = %s "
                    "AND actor_id = (SELECT id FROM app_user "
                    "WHERE email = 'reporter@housing.example')", (case["ref"],))
        assert cur.fetchone()[0] >= 2


def test_staff_without_update_rights_see_updates_but_no_form(case):
    add_update(as_role("council_officer"), case["ref"], "Visit booked.", True)
    page = as_role("call_handler").get(URL + "/staff/incidents/" + case["ref"])
    assert page.status_code == 200
    assert "Visit booked." in page.text and "Shared with reporters" in page.text
    assert "/updates" not in page.text


@pytest.fixture
def no_rate_limit(rds):
    yield
    for key in rds.scan_iter("concord:ratelimit:*"):
        rds.delete(key)


def test_the_public_forms_choice_decides_who_is_emailed(db, no_rate_limit):
    """End to end: two people report through /report, one asking for email
    updates; a status change emails only that one."""
    from test_report_form import ABOUT, done, submit, to_check
    tag = uuid.uuid4().hex[:10]
    made = {}
    for who, updates in (("yes", "yes"), ("no", "no")):
        address = "form-%s-%s@example.com" % (who, tag)
        s = requests.Session()
        to_check(s, about=dict(ABOUT, email=address, updates=updates))
        assert submit(s)[0].status_code == 303
        ref, _, _ = done(s)
        with db.cursor() as cur:
            # Kept off the first page of the incident list (test_segregation).
            backdate(cur, "UPDATE incident SET reported_at = now() - interval '30 days' "
                        "FROM report r WHERE r.incident_id = incident.id "
                        "AND r.reference = %s RETURNING incident.reference", (ref,))
            made[who] = (address, ref, cur.fetchone()[0])
    since = outbox_top(db)
    staff = as_role("council_manager")
    for address, ref, incident in made.values():
        set_status(staff, incident, "monitoring")
    mails = updates_after_confirmation(db, made["yes"][0], since)
    assert len(mails) == 1
    _, body = mail_text(mails[0][0])
    assert made["yes"][1] in body and "We are keeping an eye on it" in body
    assert updates_after_confirmation(db, made["no"][0], since) == []
