"""The incident page as the working record (issue 9): one timeline of
everything done to an incident, status moves with their rules (a reason to
go back, an outcome to close, a request to close for a role that cannot),
a stale form refused with what changed and what was typed kept, staff
evidence, and linked incidents with the flags of both recomputed."""
import html
import re
import uuid

import pytest

import media
from stack import URL
from staff import as_role, csrf_of, demo_user


def user_id(db, role):
    with db.cursor() as cur:
        cur.execute("SELECT id, name FROM app_user WHERE email = %s",
                    (demo_user(role)["email"],))
        return cur.fetchone()


def new_incident(db, status="open", description=None):
    """A police incident shared with the partnership, made an hour ago."""
    with db.cursor() as cur:
        cur.execute("INSERT INTO incident (reference, channel, asb_type_id, description, "
                    "owning_agency_id, sharing, status, created_at, reported_at, updated_at) "
                    "SELECT next_reference(), 'police', (SELECT min(id) FROM asb_type), %s, "
                    "id, 'partnership', %s, now() - interval '1 hour', "
                    "now() - interval '1 hour', now() - interval '1 hour' "
                    "FROM agency WHERE code = 'city-police' RETURNING id, reference",
                    (description or "Record test " + uuid.uuid4().hex[:8], status))
        return cur.fetchone()


@pytest.fixture
def incident(db):
    iid, ref = new_incident(db)
    return {"id": iid, "ref": ref}


def page_of(session, ref):
    r = session.get(URL + "/staff/incidents/" + ref)
    assert r.status_code == 200, r.text[:500]
    return r.text


def form_of(text):
    """The csrf token, version and seen time every form on the page carries."""
    return {"csrf": csrf_of(text),
            "version": re.search(r'name="version" value="(\d+)"', text).group(1),
            "seen": re.search(r'name="seen" value="(\d+)"', text).group(1)}


def post(session, ref, action, data, form=None):
    form = form or form_of(page_of(session, ref))
    return session.post(URL + "/staff/incidents/%s/%s" % (ref, action),
                        data=dict(form, **data), allow_redirects=False)


def timeline(text):
    """(kind, title, the rest) of each timeline entry, newest first."""
    ol = text.split('id="timeline-list"', 1)[1].split("</ol>", 1)[0]
    out = []
    for kind, body in re.findall(r'<li[^>]*data-kind="([a-z-]+)">(.*?)</li>', ol, re.S):
        title = re.search(r'govuk-!-font-weight-bold[^>]*>([^<]*)<', body).group(1)
        out.append((kind, html.unescape(title), html.unescape(body)))
    return out


def errors_of(text):
    return re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', text)


def status_of(db, iid):
    with db.cursor() as cur:
        cur.execute("SELECT status, version FROM incident WHERE id = %s", (iid,))
        return cur.fetchone()


def test_the_timeline_shows_everything_newest_first_with_who_and_when(db, incident):
    officer, supervisor = as_role("police_officer"), as_role("police_supervisor")
    officer_id, officer_name = user_id(db, "police_officer")
    _, supervisor_name = user_id(db, "police_supervisor")
    r = post(officer, incident["ref"], "updates",
             {"text": "Spoke to the neighbour.", "shared": "no"})
    assert r.status_code == 303
    # A call, as the call handler's entry writes one.
    with db.cursor() as cur:
        cur.execute("INSERT INTO incident_call (incident_id, log_number, note, created_by) "
                    "VALUES (%s, 'CAD-1234', 'Caller says it is happening again', %s)",
                    (incident["id"], officer_id))
    assert post(officer, incident["ref"], "status",
                {"status": "in_progress"}).status_code == 303
    assert post(supervisor, incident["ref"], "status",
                {"status": "open", "reason": "Waiting for the housing officer"}
                ).status_code == 303
    with db.cursor() as cur:
        cur.execute("INSERT INTO risk_assessment (incident_id, version, answers, score, "
                    "level, assessed_by, reason) VALUES (%s, 1, '{}', 14, 'high', %s, "
                    "'Threats made')", (incident["id"], officer_id))
        cur.execute("INSERT INTO risk_review (incident_id, assessment_id, level_before, "
                    "level_after, note, reviewed_by) SELECT %s, max(id), 'high', 'medium', "
                    "'Threats withdrawn', %s FROM risk_assessment WHERE incident_id = %s",
                    (incident["id"], officer_id, incident["id"]))
        cur.execute("SELECT to_char(created_at AT TIME ZONE 'Europe/London', "
                    "'FMDD Mon YYYY \"at\" HH24:MI') FROM incident WHERE id = %s",
                    (incident["id"],))
        created_at = cur.fetchone()[0]

    entries = timeline(page_of(officer, incident["ref"]))
    titles = [t for _, t, _ in entries]
    # Newest first: the assessment, the move back, the move on (and the
    # plain-words update it shared), the call, the update, the creation.
    assert entries[0][0] == "risk-review" and entries[1][0] == "risk", entries
    assert entries[-1][0] == "created"
    assert entries[0][1] == "Risk reviewed: High changed to Medium"
    assert "Threats withdrawn" in entries[0][2]
    mine = next(i for i, e in enumerate(entries) if "Spoke to the neighbour." in e[2])
    assert titles.index("Status changed from In progress to Open") \
        < titles.index("Status changed from Open to In progress") \
        < titles.index("Call received (log CAD-1234)") < mine < len(entries) - 1
    assert entries[mine][0] == "update" and "Staff only" in entries[mine][2]
    assert "Risk assessed: High, score 14" in titles
    assert "Status changed from In progress to Open" in titles
    assert "Status changed from Open to In progress" in titles
    assert "Call received (log CAD-1234)" in titles
    assert "Incident created, through a police officer" in titles
    back = next(e for e in entries if e[1] == "Status changed from In progress to Open")
    assert "Waiting for the housing officer" in back[2] and supervisor_name in back[2]
    call = next(e for e in entries if e[0] == "call")
    assert "Caller says it is happening again" in call[2] and officer_name in call[2]
    created = entries[-1]
    assert created_at in created[2]
    # The assessment is the risk shown at the top, not a provisional one.
    top = page_of(officer, incident["ref"]).split('id="risk-now"', 1)[1].split("</p>", 1)[0]
    assert "High" in top and "score 14" in top and "Provisional" not in top


def test_provisional_risk_and_awaited_assessment_are_shown(db, incident):
    with db.cursor() as cur:
        cur.execute("UPDATE incident SET provisional_score = 6, provisional_level = "
                    "'medium', assessment_due = '2031-03-04 10:30+00' WHERE id = %s",
                    (incident["id"],))
    text = page_of(as_role("police_officer"), incident["ref"])
    top = text.split('id="risk-now"', 1)[1].split("</p>", 1)[0]
    assert "Medium" in top and "score 6" in top and "Provisional" in top
    assert "Awaiting risk assessment by 4 Mar 2031 at 10:30" in text


def test_a_stale_form_is_409_says_what_changed_and_keeps_what_was_typed(db, incident):
    officer, supervisor = as_role("police_officer"), as_role("police_supervisor")
    _, supervisor_name = user_id(db, "police_supervisor")
    old = form_of(page_of(officer, incident["ref"]))
    assert post(supervisor, incident["ref"], "updates",
                {"text": "Supervisor's note.", "shared": "no"}).status_code == 303

    r = post(officer, incident["ref"], "updates",
             {"text": "My late words.", "shared": "yes"}, form=old)
    assert r.status_code == 409
    assert ">My late words.</textarea>" in r.text
    assert re.search(r'id="update-shared"[^>]* checked', r.text)
    changed = r.text.split('id="what-changed"', 1)[1].split("</ul>", 1)[0]
    assert "Update" in changed and supervisor_name in changed
    assert errors_of(r.text)[0][0] == "update-text"

    r = post(officer, incident["ref"], "status",
             {"status": "in_progress", "reason": "Typed reason"}, form=old)
    assert r.status_code == 409
    assert ">Typed reason</textarea>" in r.text
    assert status_of(db, incident["id"])[0] == "open"
    with db.cursor() as cur:
        cur.execute("SELECT text FROM incident_update WHERE incident_id = %s",
                    (incident["id"],))
        assert [t for (t,) in cur.fetchall()] == ["Supervisor's note."]


def test_going_back_needs_a_reason_and_tells_the_reporters_nothing(db):
    iid, ref = new_incident(db, status="in_progress")
    officer = as_role("police_officer")
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM incident_update WHERE incident_id = %s", (iid,))
        updates = cur.fetchone()[0]
    r = post(officer, ref, "status", {"status": "open"})
    assert r.status_code == 400
    assert errors_of(r.text) == [("reason", "Enter why the incident is being reopened "
                                  "or moved back")]
    assert status_of(db, iid)[0] == "in_progress"

    r = post(officer, ref, "status", {"status": "open", "reason": "Visit cancelled"})
    assert r.status_code == 303
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM incident_update WHERE incident_id = %s", (iid,))
        assert cur.fetchone()[0] == updates
        cur.execute("SELECT from_status, to_status, reason, outcome FROM "
                    "incident_status_change WHERE incident_id = %s", (iid,))
        assert cur.fetchall() == [("in_progress", "open", "Visit cancelled", None)]
    # An outcome belongs to a closure only.
    r = post(officer, ref, "status", {"status": "in_progress", "outcome": "resolved"})
    assert r.status_code == 400
    assert errors_of(r.text) == [("outcome", "Choose an outcome only when closing "
                                  "the incident")]


def test_an_officer_cannot_close_but_asks_and_the_supervisor_closes(db, incident):
    officer, supervisor = as_role("police_officer"), as_role("police_supervisor")
    officer_name = user_id(db, "police_officer")[1]
    supervisor_id, supervisor_name = user_id(db, "police_supervisor")
    text = page_of(officer, incident["ref"])
    select = text.split('id="status" name="status"', 1)[1].split("</select>", 1)[0]
    assert 'value="closed"' not in select and 'value="in_progress"' in select
    assert 'id="outcome"' not in text
    assert post(officer, incident["ref"], "status",
                {"status": "closed", "reason": "Done"}).status_code == 403

    r = post(officer, incident["ref"], "close-request", {"reason": "  "})
    assert r.status_code == 400
    assert errors_of(r.text) == [("close-reason", "Enter why the incident can be closed")]
    r = post(officer, incident["ref"], "close-request",
             {"reason": "No further reports for a month"})
    assert r.status_code == 303
    text = page_of(officer, incident["ref"])
    asked = text.split('id="close-requested"', 1)[1].split("</div>", 1)[0]
    assert officer_name in asked and "No further reports for a month" in asked
    assert 'action="/staff/incidents/%s/close-request"' % incident["ref"] not in text

    home = supervisor.get(URL + "/staff").text
    waiting = home.split('id="close-requests"', 1)[1].split("</ul>", 1)[0]
    assert incident["ref"] in waiting and "No further reports for a month" in waiting

    text = page_of(supervisor, incident["ref"])
    assert 'value="closed"' in text and 'id="outcome"' in text
    r = post(supervisor, incident["ref"], "status", {"status": "closed", "reason": "Quiet"})
    assert r.status_code == 400
    assert errors_of(r.text) == [("outcome", "Select the outcome of closing it")]
    assert ">Quiet</textarea>" in r.text
    r = post(supervisor, incident["ref"], "status",
             {"status": "closed", "reason": "Quiet", "outcome": "won"})
    assert r.status_code == 400
    assert errors_of(r.text) == [("outcome", "Select an outcome from the list")]
    assert status_of(db, incident["id"])[0] == "open"

    r = post(supervisor, incident["ref"], "status",
             {"status": "closed", "reason": "Quiet for a month", "outcome": "resolved"})
    assert r.status_code == 303
    with db.cursor() as cur:
        cur.execute("SELECT status, closed_by, closure_reason, outcome, closed_at IS NOT "
                    "NULL FROM incident WHERE id = %s", (incident["id"],))
        assert cur.fetchone() == ("closed", supervisor_id, "Quiet for a month",
                                  "resolved", True)
    text = page_of(officer, incident["ref"])
    closure = text.split('id="closure"', 1)[1].split("</dl>", 1)[0]
    assert "Resolved" in closure and "Quiet for a month" in closure
    assert supervisor_name in closure
    titles = [t for _, t, _ in timeline(text)]
    assert titles.index("Status changed from Open to Closed. Outcome: Resolved") < \
        titles.index("Asked a supervisor to close it")
    assert 'id="close-requested"' not in text
    # Closed: the officer may not reopen it, and the request is answered.
    assert "Only a supervisor or manager can reopen it" in text
    assert incident["ref"] not in supervisor.get(URL + "/staff").text.split(
        'id="close-requests"', 1)[1].split("</ul>", 1)[0]

    # Reopening takes a reason, tells the reporters nothing, and ends both
    # the closure and the answered request.
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM incident_update WHERE incident_id = %s "
                    "AND public", (incident["id"],))
        shared = cur.fetchone()[0]
    r = post(supervisor, incident["ref"], "status", {"status": "open"})
    assert r.status_code == 400 and errors_of(r.text)[0][0] == "reason"
    r = post(supervisor, incident["ref"], "status",
             {"status": "open", "reason": "It started again"})
    assert r.status_code == 303
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM incident_update WHERE incident_id = %s "
                    "AND public", (incident["id"],))
        assert cur.fetchone()[0] == shared
        cur.execute("SELECT status, closed_at, outcome, close_requested_at FROM incident "
                    "WHERE id = %s", (incident["id"],))
        assert cur.fetchone() == ("open", None, None, None)
    text = page_of(officer, incident["ref"])
    assert 'id="closure"' not in text and 'id="close-requested"' not in text
    assert 'action="/staff/incidents/%s/close-request"' % incident["ref"] in text


def upload(session, ref, files, form=None):
    form = form or form_of(page_of(session, ref))
    # The fields first: the server checks the csrf token before any file.
    parts = [(k, (None, v)) for k, v in form.items()]
    parts += [("file", f) for f in files]
    return session.post(URL + "/staff/incidents/%s/evidence" % ref, files=parts,
                        allow_redirects=False)


def test_staff_add_evidence_to_the_list_and_the_timeline(db, incident):
    officer = as_role("police_officer")
    officer_id = user_id(db, "police_officer")[0]
    photo = media.jpeg(40, 30)
    name = "door-%s.jpg" % uuid.uuid4().hex[:6]
    r = upload(officer, incident["ref"], [(name, photo, "image/jpeg")])
    assert r.status_code == 303, r.text[:800]
    text = page_of(officer, incident["ref"])
    listed = text.split('id="evidence-list"', 1)[1].split("</ul>", 1)[0]
    assert name in listed and "added by staff" in listed
    assert ("Evidence added: %s (Photo)" % name) in [t for _, t, _ in timeline(text)]
    with db.cursor() as cur:
        cur.execute("SELECT id, uploaded_by, report_reference, media_type FROM evidence "
                    "WHERE incident_id = %s", (incident["id"],))
        rows = cur.fetchall()
    assert [r[1:] for r in rows] == [(officer_id, None, "image/jpeg")]
    got = officer.get(URL + "/staff/evidence/%d" % rows[0][0])
    assert got.status_code == 200 and got.content == photo

    # No file, a file we do not take, a stale form: nothing is added.
    r = upload(officer, incident["ref"], [])
    assert r.status_code == 400
    assert errors_of(r.text) == [("evidence-file", "Select a file to upload")]
    r = upload(officer, incident["ref"], [("run.exe", b"MZ\x90\x00" * 64,
                                          "application/octet-stream")])
    assert r.status_code == 400
    assert errors_of(r.text)[0][0] == "evidence-file" and "run.exe" in r.text
    old = form_of(text)
    assert post(officer, incident["ref"], "updates",
                {"text": "Moved on.", "shared": "no"}).status_code == 303
    r = upload(officer, incident["ref"], [("late.jpg", media.jpeg(20, 20), "image/jpeg")],
               form=old)
    assert r.status_code == 409
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM evidence WHERE incident_id = %s",
                    (incident["id"],))
        assert cur.fetchone()[0] == 1


def test_linking_two_incidents_with_the_same_victim_flags_both(db):
    first, second = new_incident(db), new_incident(db)
    with db.cursor() as cur:
        cur.execute("INSERT INTO person (owning_agency_id, given_name, family_name) "
                    "SELECT id, 'Vic', 'Tim' FROM agency WHERE code = 'city-police' "
                    "RETURNING id")
        person = cur.fetchone()[0]
        for iid, _ in (first, second):
            cur.execute("INSERT INTO incident_person (incident_id, person_id, role) "
                        "VALUES (%s, %s, 'victim')", (iid, person))
        cur.execute("SELECT id, repeat_victim, version FROM incident WHERE id IN (%s, %s) "
                    "ORDER BY id", (first[0], second[0]))
        before = cur.fetchall()
    assert [b[1] for b in before] == [False, False]
    supervisor = as_role("police_supervisor")

    # Bad input first: each says what to fix, and nothing is linked.
    r = post(supervisor, first[1], "links", {"other": "", "reason": ""})
    assert r.status_code == 400
    assert errors_of(r.text) == [
        ("link-ref", "Enter the reference of the incident to link"),
        ("link-reason", "Enter why the incidents are linked")]
    r = post(supervisor, first[1], "links", {"other": first[1], "reason": "Same"})
    assert r.status_code == 400 and errors_of(r.text)[0][0] == "link-ref"
    assert "not this one" in r.text
    r = post(supervisor, first[1], "links", {"other": "ASB-2026-999999", "reason": "Same"})
    assert r.status_code == 400 and "There is no incident with that reference" in r.text
    assert ">Same</textarea>" in r.text

    r = post(supervisor, first[1], "links",
             {"other": second[1].lower(), "reason": "Same victim, same street"})
    assert r.status_code == 303, r.text[:800]
    with db.cursor() as cur:
        cur.execute("SELECT id, repeat_victim, version FROM incident WHERE id IN (%s, %s) "
                    "ORDER BY id", (first[0], second[0]))
        after = cur.fetchall()
        cur.execute("SELECT entity_id, action, after FROM audit_event WHERE "
                    "entity = 'incident' AND action = 'link' AND entity_id IN (%s, %s) "
                    "ORDER BY id", (str(first[0]), str(second[0])))
        audited = cur.fetchall()
    assert [a[1] for a in after] == [True, True]
    assert [a[2] for a in after] == [b[2] + 1 for b in before]
    assert sorted(a[0] for a in audited) == sorted([str(first[0]), str(second[0])])
    for this, other in ((first, second), (second, first)):
        text = page_of(supervisor, this[1])
        tags = text.split('id="flag-list"', 1)[1].split("</p>", 1)[0]
        assert "Repeat victim" in tags
        linked = text.split('id="linked"', 1)[1].split("</ul>", 1)[0]
        assert other[1] in linked and "Same victim, same street" in linked
        assert "Linked with incident " + other[1] in [t for _, t, _ in timeline(text)]
        assert 'href="/staff/people/%d"' % person in text

    r = post(supervisor, first[1], "links",
             {"other": second[1], "reason": "Again"})
    assert r.status_code == 400 and "already linked" in r.text
    r = post(supervisor, second[1], "unlink", {"other": first[1]})
    assert r.status_code == 303
    assert 'id="linked"' not in page_of(supervisor, first[1])
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM incident_link WHERE incident_id = %s",
                    (min(first[0], second[0]),))
        assert cur.fetchone()[0] == 0


def test_the_top_of_the_page_says_what_where_and_who(db, incident):
    with db.cursor() as cur:
        cur.execute("UPDATE incident SET nsir = 'personal', log_number = 'OEL-77', "
                    "occurred_at = '2026-03-03 21:00+00', address = '1 High Street', "
                    "postcode = 'AB1 2CD', location = ST_SetSRID(ST_MakePoint(-1.5, 52.5), "
                    "4326), officer_id = (SELECT id FROM app_user WHERE email = %s), "
                    "answers = jsonb_build_object('zz_last', jsonb_build_object("
                    "'question', 'Asked later?', 'answer', 'x', 'display', 'Shown later')) "
                    "WHERE id = %s", (demo_user("police_officer")["email"], incident["id"]))
    officer_name = user_id(db, "police_officer")[1]
    text = page_of(as_role("police_officer"), incident["ref"])
    assert re.search(r'id="nsir">Personal<', text)
    assert re.search(r'id="log-number">OEL-77<', text)
    assert re.search(r'id="occurred">3 Mar 2026 at 21:00<', text)
    assert re.search(r'id="officer">%s, ' % re.escape(html.escape(officer_name)), text)
    assert "1 High Street" in text and "AB1 2CD" in text
    assert "Marked on the map at 52.50000, -1.50000" in text
    assert "Asked later?" in text and "Shown later" in text
