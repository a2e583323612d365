"""The evidence step of the public form: photos, recordings and documents
go up with the report, their type decided by their bytes; every bad upload
is refused with a message that says what to do, and leaves nothing on disk
and nothing in the draft."""
import hashlib
import os
import re
import secrets
import socket
import time

import pytest
import requests

import media
from stack import URL, ctl, read_conf
from staff import as_role, csrf_of
from test_report_form import (done, errors_of, get, no_rate_limit, submit,
                              to_evidence, upload)

assert no_rate_limit  # the fixture, imported to take effect here

EVIDENCE_DIR = read_conf()["evidence_dir"]
QUOTA_KEYS = "concord:quota:upload:*"


def forget_uploads(rds):
    for k in rds.scan_iter(QUOTA_KEYS):
        rds.delete(k)


@pytest.fixture(autouse=True)
def no_upload_quota(rds):
    """Each test starts with nothing uploaded from this address counted."""
    forget_uploads(rds)
    yield
    forget_uploads(rds)


def stored_files():
    """Every file under the evidence folder, temporary ones included."""
    found = set()
    for root, _, names in os.walk(EVIDENCE_DIR):
        for n in names:
            found.add(os.path.join(root, n))
    return found


def kb(data):
    """A size as the page writes it (decimal kilobytes, rounded)."""
    return f"{(len(data) + 500) // 1000} KB"


def listed(s):
    """The files the evidence page lists: (name, description)."""
    page = get(s, "/report/evidence").text
    return re.findall(r'<dt class="govuk-summary-list__key">([^<]+)</dt>'
                      r'<dd class="govuk-summary-list__value">([^<]+)</dd>', page)


def refused(s, files, status, message, field="evidence"):
    """Sends files, expects them refused with this message and nothing kept."""
    before = stored_files()
    r = upload(s, files, action="more", status=status)
    assert r.headers["Content-Type"].startswith("text/html")
    assert ("evidence", message) in [(f, m) for f, m in errors_of(r.text)] or \
        any(message in m for f, m in errors_of(r.text) if f == field), errors_of(r.text)
    assert stored_files() == before
    assert listed(s) == []
    return r


@pytest.fixture
def s():
    session = requests.Session()
    to_evidence(session)
    yield session
    session.close()


def test_a_photo_and_a_recording_go_with_the_report(s, db):
    photo, sound = media.jpeg(), media.wav()
    r = upload(s, [("door.jpg", photo, "image/jpeg"),
                   ("party noise.wav", sound, "audio/wav")], action="more")
    assert r.headers["Location"] == "/report/evidence"
    assert listed(s) == [("door.jpg", f"Photo (JPG), {kb(photo)}"),
                         ("party noise.wav", f"Audio recording (WAV), {kb(sound)}")]
    assert upload(s).headers["Location"] == "/report/check"
    check = get(s, "/report/check").text
    assert "door.jpg" in check and "party noise.wav" in check
    assert 'href="/report/evidence?change=1"' in check
    r, _, _ = submit(s)
    assert r.headers["Location"] == "/report/done"
    ref, _, _ = done(s)

    with db.cursor() as c:
        c.execute("SELECT e.id, e.sha256, e.size, e.media_type, e.category, "
                  "e.original_name, e.uploaded_by, i.reference FROM evidence e "
                  "JOIN incident i ON i.id = e.incident_id "
                  "WHERE e.report_reference = %s ORDER BY e.id", (ref,))
        rows = c.fetchall()
        c.execute("SELECT count(*) FROM audit_event WHERE entity = 'evidence' "
                  "AND action = 'upload' AND entity_id = ANY(%s)",
                  ([str(row[0]) for row in rows],))
        audited = c.fetchone()[0]
    assert [(r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows] == [
        (hashlib.sha256(photo).hexdigest(), len(photo), "image/jpeg", "photo", "door.jpg", None),
        (hashlib.sha256(sound).hexdigest(), len(sound), "audio/wav", "audio",
         "party noise.wav", None)]
    assert audited == 2
    for row in rows:
        sha = row[1]
        path = os.path.join(EVIDENCE_DIR, sha[:2], sha[2:4], sha)
        with open(path, "rb") as f:
            assert hashlib.sha256(f.read()).hexdigest() == sha

    # Staff see the files with the report, and an officer downloads the photo.
    officer = as_role("police_officer")
    page = officer.get(URL + "/staff/incidents/" + rows[0][7])
    assert page.status_code == 200
    assert "door.jpg" in page.text and "party noise.wav" in page.text
    link = f'/staff/evidence/{rows[0][0]}'
    assert f'href="{link}"' in page.text
    got = officer.get(URL + link)
    assert got.status_code == 200 and got.content == photo
    assert got.headers["Content-Type"] == "image/jpeg"


def test_a_file_can_be_removed_before_sending(s, db):
    upload(s, [("one.png", media.png(8, 8), "image/png"),
               ("two.png", media.png(9, 9), "image/png")], action="more")
    assert [n for n, _ in listed(s)] == ["one.png", "two.png"]
    page = get(s, "/report/evidence").text
    r = s.post(URL + "/report/evidence/remove", data={
        "csrf": csrf_of(page), "file": "0"}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/report/evidence"
    after = get(s, "/report/evidence").text
    assert "“one.png” has been removed" in after
    assert [n for n, _ in listed(s)] == ["two.png"]
    upload(s)
    submit(s)
    ref, _, _ = done(s)
    with db.cursor() as c:
        c.execute("SELECT original_name FROM evidence WHERE report_reference = %s", (ref,))
        assert c.fetchall() == [("two.png",)]


def test_continuing_without_files_makes_a_report_without_evidence(s, db):
    page = get(s, "/report/evidence").text
    assert "Continue without adding files" in page
    assert upload(s).headers["Location"] == "/report/check"
    assert "None added" in get(s, "/report/check").text


def test_the_type_comes_from_the_bytes_not_the_name(s):
    refused(s, [("holiday.jpg", b"MZ\x90\x00" + b"\x00" * 4000, "image/jpeg")], 400,
            "The file “holiday.jpg” must be a photo, video, audio recording or document")
    # A real photo with a misleading name is taken, and kept as what it is.
    upload(s, [("notes.txt", media.jpeg(), "text/plain")], action="more")
    assert listed(s) == [("notes.txt", f"Photo (JPG), {kb(media.jpeg())}")]


def hint_kinds(page):
    """The kinds of file the page's hint says it takes."""
    m = re.search(r'<div id="evidence-hint" class="govuk-hint">[^<]*? MB: ([^<]+)\. '
                  r'You can choose', page)
    assert m, page
    return m.group(1)


def test_plain_text_is_taken_as_a_document_whatever_its_name(s):
    """The bytes decide: a text file named .png is a plain-text document,
    which the hint lists among the documents it takes."""
    kinds = hint_kinds(get(s, "/report/evidence").text)
    assert "documents (PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP or plain text)" in kinds
    note = "He shouted at us again at 11pm.\n".encode() * 40
    upload(s, [("shouting.png", note, "image/png")], action="more")
    assert listed(s) == [("shouting.png", f"Document (plain text), {kb(note)}")]


def test_a_refused_file_is_told_the_kinds_the_hint_lists(s):
    kinds = hint_kinds(get(s, "/report/evidence").text)
    r = refused(s, [("tool.exe", b"MZ\x90\x00" + b"\x00" * 4000, "application/x-msdownload")],
                400, "The file “tool.exe” must be a photo, video, audio recording or document")
    assert ("evidence", "The file “tool.exe” must be a photo, video, audio recording or "
            "document: " + kinds) in errors_of(r.text)


def test_upload_and_add_more_without_a_file_says_select_a_file(s):
    photo = media.png(11, 11)
    upload(s, [("kept.png", photo, "image/png")], action="more")
    before = stored_files()
    r = upload(s, action="more", status=400)
    assert errors_of(r.text) == [("evidence", "Select a file")]
    assert r.text.count("Select a file") == 2      # the summary and by the input
    assert 'govuk-form-group govuk-form-group--error' in r.text
    assert 'class="govuk-file-upload govuk-file-upload--error"' in r.text
    assert 'aria-describedby="evidence-hint evidence-error"' in r.text
    # What was already added is still there, and nothing new was stored.
    assert "kept.png" in r.text
    assert listed(s) == [("kept.png", f"Photo (PNG), {len(photo)} bytes")]
    assert stored_files() == before
    # Continuing with no file is still fine.
    assert upload(s).headers["Location"] == "/report/check"


def test_a_file_over_the_limit_is_refused(s):
    limit = int(read_conf().get("upload_max", 20 * 1024 * 1024))
    big = media.jpeg() + b"\x00" * (limit + 1)
    r = refused(s, [("big.jpg", big, "image/jpeg")], 413, "must be smaller than")
    assert f"smaller than {limit // 1000000} MB" in r.text


def test_an_empty_file_is_refused(s):
    refused(s, [("empty.jpg", b"", "image/jpeg")], 400, "The file “empty.jpg” is empty")


def test_more_files_than_a_report_may_have(s):
    most = int(read_conf().get("upload_files_max", 10))
    files = [(f"p{i}.png", media.png(10 + i, 10), "image/png") for i in range(most)]
    before = stored_files()
    # Too many at once: none of them is kept.
    refused(s, files + [("extra.png", media.png(99, 9), "image/png")], 400,
            f"You can add up to {most} files to a report")
    assert stored_files() == before
    # Up to the limit is fine; one more afterwards is refused.
    upload(s, files[:most - 1], action="more")
    upload(s, files[most - 1:], action="more")
    assert len(listed(s)) == most
    page = get(s, "/report/evidence").text
    assert 'type="file"' not in page and "Remove one to add another" in page
    before = stored_files()
    r = upload(s, [("extra.png", media.png(98, 9), "image/png")], action="more", status=400)
    assert f"You can add up to {most} files to a report" in r.text
    assert stored_files() == before
    assert len(listed(s)) == most


def test_a_picture_claiming_to_be_enormous_is_refused(s):
    refused(s, [("bomb.png", media.bomb_png(), "image/png")], 400,
            "The picture “bomb.png” cannot be used")


def raw_upload(s, body, boundary="XyZ123"):
    page = get(s, "/report/evidence").text
    csrf = csrf_of(page)
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n'
            f'{csrf}\r\n').encode()
    return s.post(URL + "/report/evidence", data=head + body, allow_redirects=False,
                  headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})


def test_a_body_cut_short_keeps_nothing(s):
    before = stored_files()
    body = (b'--XyZ123\r\nContent-Disposition: form-data; name="evidence"; '
            b'filename="cut.jpg"\r\nContent-Type: image/jpeg\r\n\r\n' + media.jpeg() * 20)
    r = raw_upload(s, body)
    assert r.status_code == 400
    assert ("evidence", "The file did not arrive complete. Select it again and upload it") \
        in errors_of(r.text)
    assert stored_files() == before
    assert listed(s) == []


@pytest.mark.parametrize("name, message", [
    (b"../../etc/cron.d/x.jpg", "includes folder names"),
    (b"C:\\Users\\ada\\door.jpg", "includes folder names"),
    (b"door\x01.jpg", "has characters we cannot take"),
    (b"door\xe2\x80\xaegpj.exe", "has characters we cannot take"),
])
def test_file_names_with_folders_or_control_characters(s, name, message):
    before = stored_files()
    body = (b'--XyZ123\r\nContent-Disposition: form-data; name="evidence"; filename="' +
            name + b'"\r\nContent-Type: image/jpeg\r\n\r\n' + media.jpeg() +
            b'\r\n--XyZ123--\r\n')
    r = raw_upload(s, body)
    assert r.status_code == 400, r.text[:500]
    assert any(f == "evidence" and message in m for f, m in errors_of(r.text)), \
        errors_of(r.text)
    assert stored_files() == before
    assert listed(s) == []


def test_an_upload_without_the_form_token_stores_nothing(s):
    before = stored_files()
    r = s.post(URL + "/report/evidence", files=[
        ("evidence", ("door.jpg", media.jpeg(), "image/jpeg"))], allow_redirects=False)
    assert r.status_code == 403
    assert stored_files() == before
    assert listed(s) == []


def test_not_a_multipart_form(s):
    page = get(s, "/report/evidence").text
    r = s.post(URL + "/report/evidence", data={"csrf": csrf_of(page)},
               allow_redirects=False)
    assert r.status_code == 400
    assert "did not arrive complete" in r.text


def test_evidence_is_kept_for_the_types_period_after_closure(s, db):
    upload(s, [("van.jpg", media.jpeg(33, 22), "image/jpeg")])
    submit(s)
    ref, _, _ = done(s)
    with db.cursor() as c:
        c.execute("SELECT e.retain_until, i.id, t.retention_days FROM evidence e "
                  "JOIN incident i ON i.id = e.incident_id "
                  "JOIN asb_type t ON t.id = i.asb_type_id "
                  "WHERE e.report_reference = %s", (ref,))
        until, incident, days = c.fetchone()
        assert until is None                  # open: kept
        c.execute("UPDATE incident SET status = 'closed' WHERE id = %s", (incident,))
        c.execute("SELECT (e.retain_until - now()) BETWEEN make_interval(days => %s) "
                  "- interval '1 minute' AND make_interval(days => %s) FROM evidence e "
                  "WHERE e.report_reference = %s", (days, days, ref))
        assert c.fetchone()[0] is True
        c.execute("UPDATE incident SET status = 'open' WHERE id = %s", (incident,))
        c.execute("SELECT retain_until FROM evidence WHERE report_reference = %s", (ref,))
        assert c.fetchone()[0] is None


def stored_path(data):
    """Where a sent report's file is: the content-addressed store."""
    sha = hashlib.sha256(data).hexdigest()
    return os.path.join(EVIDENCE_DIR, sha[:2], sha[2:4], sha)


def unique_png():
    """A photo whose bytes no earlier run stored (the store keeps each
    content once, whoever sent it)."""
    return media.png(100 + secrets.randbelow(4000), 1 + secrets.randbelow(60))


def draft_of(s):
    """The id of this browser's draft (the SHA-256 of its cookie)."""
    return hashlib.sha256(s.cookies["concord_draft"].encode()).hexdigest()


def unsent_path(s, data):
    """Where a file of a draft not yet sent is kept."""
    return os.path.join(EVIDENCE_DIR, "drafts", draft_of(s), hashlib.sha256(data).hexdigest())


def age(path, days):
    then = time.time() - days * 86400
    os.utime(path, (then, then))


def test_the_retention_purge(s, db):
    kept, expired, orphan, fresh = (media.png(40 + i, 7) for i in range(4))
    # A report whose evidence is past its date, and one whose is not.
    upload(s, [("expired.png", expired, "image/png")])
    submit(s)
    expired_ref, _, _ = done(s)
    other = requests.Session()
    to_evidence(other)
    upload(other, [("kept.png", kept, "image/png")])
    submit(other)
    kept_ref, _, _ = done(other)
    # In the store but named by no report (a report whose transaction
    # failed after its files were linked): one long ago, one just now.
    for data in (orphan, fresh):
        path = stored_path(data)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    for data in (kept, expired, orphan):
        age(stored_path(data), 3)
    with db.cursor() as c:
        c.execute("UPDATE evidence SET retain_until = now() - interval '1 day' "
                  "WHERE report_reference = %s RETURNING id", (expired_ref,))
        expired_id = c.fetchone()[0]

    out = ctl("evidence", "purge")
    assert out.returncode == 0, out.stdout + out.stderr
    # (The worker runs the same purge every few hours: the counts may be
    # its, but what is left must be the same.)
    assert re.search(r"^\d+ evidence rows past their retention date deleted",
                     out.stdout, re.M), out.stdout

    assert not os.path.exists(stored_path(expired))
    assert not os.path.exists(stored_path(orphan))
    assert os.path.exists(stored_path(kept))
    assert os.path.exists(stored_path(fresh))
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM evidence WHERE report_reference IN (%s, %s)",
                  (expired_ref, kept_ref))
        assert c.fetchone()[0] == 1
        c.execute("SELECT reason, before->>'original_name' FROM audit_event "
                  "WHERE entity = 'evidence' AND entity_id = %s AND action = 'purge'",
                  (str(expired_id),))
        assert c.fetchall() == [("retention period ended", "expired.png")]


# ---------------------------------------------------------------------------
# Files of reports not sent: kept apart, counted, and gone with their draft

def test_an_unsent_file_is_kept_apart_until_the_report_is_sent(s, db):
    photo = unique_png()
    upload(s, [("gate.png", photo, "image/png")])
    assert os.path.exists(unsent_path(s, photo))
    assert not os.path.exists(stored_path(photo))
    # Nobody but the app reads unsent files (nginx serves only the store).
    assert os.stat(os.path.dirname(unsent_path(s, photo))).st_mode & 0o077 == 0
    submit(s)
    ref, _, _ = done(s)
    with open(stored_path(photo), "rb") as f:
        assert f.read() == photo
    with db.cursor() as c:
        c.execute("SELECT sha256 FROM evidence WHERE report_reference = %s", (ref,))
        assert c.fetchall() == [(hashlib.sha256(photo).hexdigest(),)]


def test_the_purge_removes_the_files_of_an_expired_draft_only(s, rds):
    unsent, sent, alive = unique_png(), unique_png(), unique_png()
    upload(s, [("unsent.png", unsent, "image/png")], action="more")
    gone_draft = draft_of(s)
    sender = requests.Session()
    to_evidence(sender)
    upload(sender, [("sent.png", sent, "image/png")])
    submit(sender)
    done(sender)
    living = requests.Session()
    to_evidence(living)
    upload(living, [("alive.png", alive, "image/png")], action="more")
    age(unsent_path(living, alive), 3)    # old, but its draft lives

    # The drafts expire (their 24 hours are up): the unsent one's and the
    # sent one's.
    assert rds.delete(f"concord:draft:{gone_draft}", f"concord:draft:{draft_of(sender)}") == 2
    out = ctl("evidence", "purge")
    assert out.returncode == 0, out.stdout + out.stderr
    assert re.search(r"^\d+ files of expired drafts removed", out.stdout, re.M), out.stdout
    assert not os.path.exists(unsent_path(s, unsent))
    assert not os.path.exists(os.path.join(EVIDENCE_DIR, "drafts", gone_draft))
    assert not os.path.exists(stored_path(unsent))
    # The sent report's file is still in the store; the live draft's is kept.
    with open(stored_path(sent), "rb") as f:
        assert f.read() == sent
    assert os.path.exists(unsent_path(living, alive))
    # That draft can still be sent, with its file.
    upload(living)
    submit(living)
    done(living)
    assert os.path.exists(stored_path(alive))


def quota_keys(rds, scope, which):
    return [k for k in rds.scan_iter(f"concord:quota:upload:{scope}:*:{which}")]


def test_uploads_are_counted_by_draft_and_by_address(s, rds):
    photo = media.png(61, 11)
    upload(s, [("one.png", photo, "image/png")], action="more")
    draft = f"concord:quota:upload:draft:{draft_of(s)}"
    # What was stored counts, not the length of the request that brought it.
    assert rds.get(draft + ":bytes") == str(len(photo))
    assert rds.get(draft + ":files") == "1"
    [addr_bytes] = quota_keys(rds, "address", "bytes")
    [addr_files] = quota_keys(rds, "address", "files")
    assert rds.get(addr_bytes) == str(len(photo)) and rds.get(addr_files) == "1"
    for key in (draft + ":bytes", draft + ":files", addr_bytes, addr_files):
        assert 0 < rds.ttl(key) <= 3600
    # A refused file is not counted.
    upload(s, [("bad.jpg", b"MZ" + b"\x00" * 3000, "image/jpeg")], action="more",
           status=400)
    assert rds.get(draft + ":bytes") == str(len(photo))
    assert rds.get(draft + ":files") == "1"


def test_a_draft_over_its_hourly_quota_is_refused_and_stores_nothing(s, rds):
    draft = f"concord:quota:upload:draft:{draft_of(s)}"
    # Files: as if this draft had had more files than it may in an hour.
    rds.set(draft + ":files", 10 ** 6, ex=3600)
    r = refused(s, [("late.png", media.png(71, 9), "image/png")], 429,
                "files to this report in the last hour, the most it can take")
    assert "Try again in 60 minutes" in r.text
    rds.delete(draft + ":files")
    # Bytes: refused before anything is read.
    rds.set(draft + ":bytes", 10 ** 12, ex=1800)
    r = refused(s, [("late.png", media.png(71, 9), "image/png")], 429,
                "MB of files to this report in the last hour, the most it can take")
    assert re.search(r"Try again in (30|29) minutes", r.text)
    # Another draft from the same address is not held back.
    other = requests.Session()
    to_evidence(other)
    upload(other, [("fine.png", media.png(72, 9), "image/png")], action="more")
    assert [n for n, _ in listed(other)] == ["fine.png"]


def test_an_address_over_its_hourly_quota_is_refused_and_stores_nothing(s, rds):
    upload(s, [("first.png", media.png(81, 9), "image/png")], action="more")
    [addr_files] = quota_keys(rds, "address", "files")
    [addr_bytes] = quota_keys(rds, "address", "bytes")
    rds.set(addr_files, 10 ** 6, ex=600)
    fresh = requests.Session()          # a new draft: the address is what counts
    to_evidence(fresh)
    r = refused(fresh, [("more.png", media.png(82, 9), "image/png")], 429,
                "files have been sent from your connection in the last hour")
    assert "Try again in 10 minutes" in r.text
    rds.delete(addr_files)
    rds.set(addr_bytes, 10 ** 12, ex=600)
    refused(fresh, [("more.png", media.png(82, 9), "image/png")], 429,
            "MB of files have been sent from your connection in the last hour")
    # The draft's earlier file is still there.
    assert [n for n, _ in listed(s)] == ["first.png"]


def test_an_upload_larger_than_nginx_takes_gets_the_page_saying_so(s):
    """nginx refuses a body over upload_files_max x upload_max before the
    app sees it; the person still gets the evidence page with the reason."""
    conf = read_conf()
    too_big = int(conf["upload_files_max"]) * int(conf["upload_max"]) + 2 * 1048576
    host, port = URL.split("//")[1].rstrip("/").split(":")
    cookies = "; ".join(f"{c.name}={c.value}" for c in s.cookies)
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall((f"POST /report/evidence HTTP/1.1\r\nHost: {host}\r\n"
                      f"Cookie: {cookies}\r\nContent-Type: multipart/form-data; "
                      f"boundary=XyZ\r\nContent-Length: {too_big}\r\n"
                      "Connection: close\r\n\r\n").encode())
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413"), head[:200]
    text = body.decode("utf-8", "replace")
    assert "The files you chose are too large" in text
    assert 'action="/report/evidence"' in text      # the form, to try again


def test_changing_the_files_from_the_check_page_comes_back_to_it(s):
    assert upload(s).headers["Location"] == "/report/check"
    page = get(s, "/report/evidence?change=1").text
    assert 'name="change" value="1"' in page and 'href="/report/check"' in page
    r = upload(s, [("late.png", media.png(12, 12), "image/png")], action="more",
               change=True)
    assert r.headers["Location"] == "/report/evidence?change=1"
    assert upload(s, change=True).headers["Location"] == "/report/check"
    assert "late.png" in get(s, "/report/check").text
