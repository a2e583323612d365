"""The reporter's diary: from the tracking page, whoever holds the tracking
link logs another occurrence (when, what happened, how it affected them,
files). The entry joins the same report and incident — no new incident, no
new report — with its audit row; a wrong token gets the tracking page's
404; a time later than now is refused with the form kept; staff see the
entry on the incident's timeline. The tracking page also says what was
reported, and where only roughly."""
import datetime
import hashlib
import re
from zoneinfo import ZoneInfo

import pytest
import requests

import media
from stack import URL
from staff import as_role, csrf_of
from test_report_evidence import no_upload_quota
from test_report_form import done, errors_of, get, no_rate_limit, submit, to_check

assert no_rate_limit and no_upload_quota  # the fixtures, imported to take effect here

LONDON = ZoneInfo("Europe/London")


def london_today():
    return datetime.datetime.now(LONDON).date()


def sent_report():
    """A session that has sent a report (tests/integration/test_report_form.py's
    walk: 10 Wood Street, London, EC2V 7AA, on 3 November 2026 at 22:15).
    Returns the session, the reference and the tracking path."""
    s = requests.Session()
    to_check(s)
    r, _, _ = submit(s)
    assert r.headers["Location"] == "/report/done"
    ref, track, _ = done(s)
    assert track is not None
    return s, ref, track


def log_path(track):
    path, query = track.split("?", 1)
    return f"{path}/log?{query}"


def when_fields(day):
    return {"occurred-day": str(day.day), "occurred-month": str(day.month),
            "occurred-year": str(day.year)}


def post_log(s, track, fields, files=(), status=303):
    """Sends the diary form as a browser does (multipart/form-data, the
    file input last); files are (name, bytes, declared type)."""
    page = get(s, log_path(track))
    parts = [("csrf", (None, csrf_of(page.text)))]
    parts += [(k, (None, v)) for k, v in fields.items()]
    parts += [("evidence", f) for f in files] or [
        ("evidence", ("", b"", "application/octet-stream"))]
    r = s.post(URL + log_path(track), files=parts, allow_redirects=False)
    assert r.status_code == status, (r.status_code, r.text[:1500])
    return r


def report_row(db, ref):
    with db.cursor() as c:
        c.execute("SELECT r.id, r.incident_id, i.reference FROM report r "
                  "JOIN incident i ON i.id = r.incident_id WHERE r.reference = %s", (ref,))
        return c.fetchone()


def counts(db):
    with db.cursor() as c:
        c.execute("SELECT (SELECT count(*) FROM incident), (SELECT count(*) FROM report), "
                  "(SELECT count(*) FROM report_diary_entry)")
        return c.fetchone()


def test_the_tracking_page_says_what_was_reported_roughly_where(http):
    s, ref, track = sent_report()
    page = get(s, track).text
    summary = re.search(r'<dl class="govuk-summary-list" id="summary">(.*?)</dl>', page, re.S)
    assert summary, page[:2000]
    text = re.sub(r"<[^>]+>", " ", summary.group(1))
    assert ref in text and "Shouting or banging" in text, text
    assert "3 November 2026 at 10:15pm" in text, text
    assert "Wood Street, London, EC2V" in text, text
    # Not the full address: no house number, no whole postcode.
    assert "10 Wood Street" not in page and "7AA" not in page.upper()
    assert "You have not added any diary entries yet" in page
    assert f'href="{log_path(track).replace("&", "&amp;")}"' in page


def test_an_entry_joins_the_same_report_and_incident(db):
    s, ref, track = sent_report()
    report_id, incident_id, incident_ref = report_row(db, ref)
    before = counts(db)
    yesterday = london_today() - datetime.timedelta(days=1)
    photo = media.jpeg(320, 240)
    fields = dict(when_fields(yesterday), **{
        "occurred-time": "9:45pm", "what": "They were banging on the wall again.\r\nFor an hour.",
        "impact": "I could not sleep."})
    r = post_log(s, track, fields, [("wall.jpg", photo, "image/jpeg")])
    assert r.headers["Location"] == track + "#diary"
    page = get(s, track).text
    assert "Your entry has been added" in page and "govuk-notification-banner--success" in page
    when = f"{yesterday.day} {yesterday.strftime('%B')} {yesterday.year} at 9:45pm"
    assert when in page
    assert "They were banging on the wall again." in page and "For an hour." in page
    assert "I could not sleep." in page and "wall.jpg" in page

    # One more diary row; no incident and no report.
    after = counts(db)
    assert (after[0], after[1], after[2]) == (before[0], before[1], before[2] + 1)
    with db.cursor() as c:
        c.execute("SELECT id, report_id, incident_id, what_happened, impact, time_known, "
                  "to_char(occurred_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD HH24:MI') "
                  "FROM report_diary_entry WHERE report_id = %s", (report_id,))
        rows = c.fetchall()
        assert len(rows) == 1
        entry = rows[0]
        assert entry[1:] == (report_id, incident_id,
                             "They were banging on the wall again.\nFor an hour.",
                             "I could not sleep.", True, f"{yesterday.isoformat()} 21:45")
        # The file is the incident's evidence, from the report, linked to the entry.
        c.execute("SELECT e.id, e.incident_id, e.report_reference, e.sha256, e.uploaded_by "
                  "FROM report_diary_file f JOIN evidence e ON e.id = f.evidence_id "
                  "WHERE f.entry_id = %s", (entry[0],))
        files = c.fetchall()
        assert [f[1:] for f in files] == [(incident_id, ref, hashlib.sha256(photo).hexdigest(),
                                           None)]
        # The entry's audit row, on the incident, with the evidence's own.
        c.execute("SELECT actor_id, after->>'diary_entry_id', after->>'report_reference', "
                  "after->'evidence_ids' FROM audit_event WHERE entity = 'incident' "
                  "AND entity_id = %s AND action = 'diary_entry_added'", (str(incident_id),))
        assert c.fetchall() == [(None, str(entry[0]), ref, [files[0][0]])]
        c.execute("SELECT count(*) FROM audit_event WHERE entity = 'evidence' "
                  "AND entity_id = %s AND action = 'upload'", (str(files[0][0]),))
        assert c.fetchone()[0] == 1

    # Staff see it on the incident's timeline, with the file to download.
    officer = as_role("police_officer")
    staff = officer.get(URL + "/staff/incidents/" + incident_ref)
    assert staff.status_code == 200
    item = re.search(r'<li[^>]*data-kind="diary">(.*?)</li>', staff.text, re.S)
    assert item, staff.text[-4000:]
    assert "Diary entry from the reporter" in item.group(1)
    assert f"It happened: {when}" in item.group(1)
    assert "They were banging on the wall again." in item.group(1)
    assert "I could not sleep." in item.group(1)
    assert f'href="/staff/evidence/{files[0][0]}"' in item.group(1)
    got = officer.get(URL + f"/staff/evidence/{files[0][0]}")
    assert got.status_code == 200 and got.content == photo


def test_a_day_without_a_time(db):
    s, ref, track = sent_report()
    today = london_today()
    post_log(s, track, dict(when_fields(today), **{"what": "Shouting in the street."}))
    page = get(s, track).text
    assert f"{today.day} {today.strftime('%B')} {today.year}</h3>" in page
    with db.cursor() as c:
        c.execute("SELECT d.time_known, d.impact FROM report_diary_entry d "
                  "JOIN report r ON r.id = d.report_id WHERE r.reference = %s", (ref,))
        assert c.fetchall() == [(False, None)]


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_wrong_token_or_reference_gets_the_tracking_pages_404(db, method):
    s, ref, track = sent_report()
    path = log_path(track)
    other = re.sub(r"t=[0-9a-f]{64}", "t=" + "0" * 64, path)
    unknown = path.replace(ref, "ASB-2026-999999")
    before = counts(db)
    page = get(s, path)
    for bad in (other, unknown, path.split("?")[0], path[:-1]):
        if method == "GET":
            r = s.get(URL + bad, allow_redirects=False)
        else:
            r = s.post(URL + bad, files=[("csrf", (None, csrf_of(page.text))),
                                         ("what", (None, "x")),
                                         ("evidence", ("a.jpg", media.jpeg(), "image/jpeg"))],
                       allow_redirects=False)
        assert r.status_code == 404, (bad, r.status_code)
        assert "We could not find that report" in r.text
    assert counts(db) == before


def test_a_time_later_than_now_is_refused_and_the_form_kept(db):
    s, ref, track = sent_report()
    before = counts(db)
    tomorrow = london_today() + datetime.timedelta(days=1)
    fields = dict(when_fields(tomorrow), **{"occurred-time": "11:00pm",
                                            "what": "It has not happened yet.",
                                            "impact": "Worried."})
    r = post_log(s, track, fields, [("later.png", media.png(), "image/png")], status=400)
    errors = errors_of(r.text)
    # Tomorrow passes as a date (a day's grace for a reporter whose day
    # starts before UTC's); its 11pm has not come (the intake's rule).
    assert errors == [("occurred-time", "The date and time it happened must be in the past")], \
        errors
    assert "<title>Error: " in r.text
    assert f'value="{tomorrow.day}"' in r.text and 'value="11:00pm"' in r.text
    assert "It has not happened yet.</textarea>" in r.text and "Worried.</textarea>" in r.text
    assert "Select your files again" in r.text and "later.png" in r.text
    # A year ahead: the day alone is refused before anything is asked of the database.
    later = dict(fields, **{"occurred-year": str(tomorrow.year + 1), "occurred-time": ""})
    r = post_log(s, track, later, status=400)
    assert errors_of(r.text) == [("occurred-day", "Date it happened must be today or in the past")]
    assert counts(db) == before
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM evidence WHERE report_reference = %s", (ref,))
        assert c.fetchone()[0] == 0


def test_bad_input_says_what_to_fix_and_keeps_what_was_typed(db):
    s, ref, track = sent_report()
    before = counts(db)
    r = post_log(s, track, {"occurred-day": "31", "occurred-month": "2", "occurred-year": "2026",
                            "occurred-time": "25:99", "what": "  ", "impact": "x" * 2001},
                 status=400)
    assert errors_of(r.text) == [
        ("occurred-day", "Date it happened must be a real date"),
        ("what", "Enter what happened"),
        ("impact", "How it affected you must be 2000 characters or fewer "
                   "(you have 1 character too many)")]
    assert 'value="31"' in r.text and 'value="25:99"' in r.text and "x" * 2001 in r.text
    # The limits are in each textarea's description.
    assert 'aria-describedby="what-info what-hint what-error"' in r.text
    assert "You can enter up to 5000 characters" in r.text
    r = post_log(s, track, {"occurred-day": "2", "occurred-month": "12", "occurred-year": "26",
                            "occurred-time": "later", "what": "Music."}, status=400)
    assert errors_of(r.text) == [("occurred-year", "Year must include 4 numbers")]
    yesterday = london_today() - datetime.timedelta(days=1)
    r = post_log(s, track, dict(when_fields(yesterday), **{"occurred-time": "later",
                                                           "what": "Music."}), status=400)
    assert errors_of(r.text) == [("occurred-time", "Enter a real time, for example 9:30pm or 21:30")]
    r = post_log(s, track, {"occurred-month": "12", "occurred-year": "2026", "what": "Music."},
                 status=400)
    assert errors_of(r.text) == [("occurred-day", "Date it happened must include a day")]
    # A file of a type we do not take: said, and nothing kept.
    r = post_log(s, track, dict(when_fields(yesterday), what="Music."),
                 [("photo.jpg", b"MZ" + b"\0" * 5000, "image/jpeg")], status=400)
    assert [f for f, _ in errors_of(r.text)] == ["evidence"], errors_of(r.text)
    assert "must be a photo" in errors_of(r.text)[0][1]
    assert counts(db) == before


def test_a_form_that_did_not_come_from_us_stores_nothing(db):
    s, ref, track = sent_report()
    before = counts(db)
    r = s.post(URL + log_path(track), files=[
        ("csrf", (None, "0" * 64)), ("what", (None, "x")),
        ("evidence", ("a.png", media.png(4, 4), "image/png"))], allow_redirects=False)
    assert r.status_code == 403
    assert counts(db) == before


def test_the_web_role_adds_entries_only_through_the_token(db):
    with db.cursor() as c:
        for table in ("report_diary_entry", "report_diary_file"):
            c.execute("SELECT has_table_privilege('concord_app', %s, 'INSERT'), "
                      "has_table_privilege('concord_app', %s, 'UPDATE'), "
                      "has_table_privilege('concord_app', %s, 'SELECT')", (table,) * 3)
            assert c.fetchone() == (False, False, True), table


def test_files_count_against_the_hourly_quotas_and_what_was_typed_is_kept(db, rds):
    s, ref, track = sent_report()
    key = f"concord:quota:upload:draft:track-{ref}"
    yesterday = london_today() - datetime.timedelta(days=1)
    fields = dict(when_fields(yesterday), what="Again at the door.")
    photo = media.png(91, 7)
    post_log(s, track, fields, [("door.png", photo, "image/png")])
    # What was stored counts, as on the form's evidence step.
    assert rds.get(key + ":bytes") == str(len(photo)) and rds.get(key + ":files") == "1"
    # As if this report had had more files than it may in an hour.
    rds.set(key + ":files", 10 ** 6, ex=3600)
    before = counts(db)
    r = post_log(s, track, fields, [("late.png", media.png(92, 7), "image/png")], status=429)
    [(field, message)] = errors_of(r.text)
    assert field == "evidence" and "files to this report in the last hour" in message
    assert "Again at the door.</textarea>" in r.text
    assert counts(db) == before
    # Without files the entry is still taken.
    post_log(s, track, fields)
    assert counts(db)[2] == before[2] + 1
