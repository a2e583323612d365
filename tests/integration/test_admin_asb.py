"""Administration of ASB types and their custom questions, through HTTP as
an administrator would use them: the list, adding and changing types and
questions with the one audit row each change writes, the errors a bad form
gets, the history pages, and what people reporting then see. Changing a
question makes a new version of it; reports already made keep the words
they were asked in."""
import html
import re
import uuid

import psycopg2
import pytest
import requests

import test_report_form
from stack import URL, read_conf
from staff import as_role, csrf_for
from test_admin import audit_rows, edit_form, max_audit, one, post
from test_report_form import (ABOUT, IMPACT, WHEN_ONCE, WHERE, done, errors_of, get,
                              start, step, submit)
# Autouse: no report sent here counts against the address's rate limit.
from test_report_form import no_rate_limit  # noqa: F401


@pytest.fixture(scope="module", autouse=True)
def offer_no_test_types_afterwards():
    """The types made here are not left on the public form for other tests."""
    yield
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("UPDATE asb_type SET active = false WHERE code LIKE 'test-%%'")
    conn.close()


def admin():
    return as_role("administrator")


def suffix():
    return uuid.uuid4().hex[:8]


def type_id(db, code):
    return one(db, "SELECT id FROM asb_type WHERE code = %s", code)


def question_id(db, tid, key):
    return one(db, "SELECT id FROM question WHERE asb_type_id = %s AND key = %s", tid, key)


def new_type(db, **over):
    code = over.pop("code", "test-" + suffix())
    data = {"code": code, "name": "Type " + code, "category": "nuisance", "parent": "",
            "hint": "", "retention-days": "730", "sort-order": "900", "active": "yes",
            "reason": ""}
    data.update(over)
    r = post(admin(), "/admin/types", data, "/admin/types/new")
    assert r.status_code == 303, (r.status_code, r.text[:1500])
    assert r.headers["Location"] == "/admin/types"
    return type_id(db, code), data


def new_question(db, tid, **over):
    key = over.pop("key", "q_" + suffix())
    data = {"key": key, "label": "Question " + key, "hint": "", "kind": "short_text",
            "options": "", "required": "no", "triage-weight": "0", "notice-answer": "",
            "notice-text": "", "sort-order": "10", "active": "yes", "reason": ""}
    data.update(over)
    r = post(admin(), "/admin/types/%d/questions" % tid, data,
             "/admin/types/%d/questions/new" % tid)
    assert r.status_code == 303, (r.status_code, r.text[:1500])
    assert r.headers["Location"] == "/admin/types/%d" % tid
    return question_id(db, tid, key), data


def question_version(page_html):
    m = re.search(r'name="version" value="(\d+)"', page_html)
    assert m, "no version on the form"
    return m.group(1)


def type_version(page_html):
    m = re.search(r'name="version" value="([0-9a-f]{32})"', page_html)
    assert m, "no version on the form"
    return m.group(1)


def change_question(qid, data, **over):
    page = edit_form(admin(), "/admin/questions/%d" % qid)
    form = dict(data, version=question_version(page), **over)
    form.pop("key", None)
    return post(admin(), "/admin/questions/%d" % qid, form)


def report_one_answer(s, code, answer):
    """Walks the public form for a type with one question; returns the
    reference of the report it sends."""
    start(s)
    nxt = step(s, "/report/type", {"type": code})
    assert nxt == "/report/questions/1", nxt
    test_report_form.to_when(s, step(s, nxt, {"answer": answer}))
    assert step(s, "/report/when", WHEN_ONCE) == "/report/where"
    assert step(s, "/report/where", WHERE) == "/report/impact"
    assert step(s, "/report/impact", IMPACT) == "/report/about-you"
    nxt = step(s, "/report/about-you", ABOUT)
    if nxt == "/report/evidence":       # no files: straight on
        nxt = test_report_form.upload(s).headers["Location"]
    assert nxt == "/report/check"
    r, _, _ = submit(s)
    assert r.status_code == 303, (r.status_code, r.text[:800])
    ref, _, _ = done(s)
    return ref


def staff_who_sees(ref):
    """A demo staff session that can open the incident of report ref."""
    for role in ("police_supervisor", "police_officer", "council_manager",
                 "council_officer"):
        s = as_role(role)
        if s.get(URL + "/staff/incidents/" + ref).status_code == 200:
            return s
    pytest.fail("no demo role can open the incident of " + ref)


# --------------------------------------------------------------------------
# The list and who may use it


def test_admin_home_links_to_types_for_administrators():
    r = admin().get(URL + "/admin")
    assert r.status_code == 200
    assert 'href="/admin/types"' in r.text


def test_type_list_shows_category_parent_question_count_and_status(db):
    page = admin().get(URL + "/admin/types")
    assert page.status_code == 200
    rows = re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', page.text, re.S)
    music = type_id(db, "noise-music-parties")
    row = next(r for r in rows if 'href="/admin/types/%d"' % music in r)
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in
             re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    count, inactive = one(db, "SELECT count(*), count(*) FILTER (WHERE NOT active) "
                          "FROM question WHERE asb_type_id = %s", music)
    assert inactive > 0     # retired by 0039: asked once, on a shared step
    assert cells[1:6] == ["noise-music-parties", "Nuisance", "Noise",
                          "%d (%d inactive)" % (count, inactive), "Active"]
    # Sub-types come straight after their parent.
    assert page.text.index('href="/admin/types/%d"' % type_id(db, "noise")) < \
        page.text.index('href="/admin/types/%d"' % music) < \
        page.text.index('href="/admin/types/%d"' % type_id(db, "harassment"))


@pytest.mark.parametrize("path", [
    "/admin/types/999999999", "/admin/types/abc", "/admin/types/0/history",
    "/admin/types/999999999/questions/new", "/admin/questions/999999999",
    "/admin/questions/x1/history",
])
def test_unknown_or_non_numeric_ids_are_404(path):
    assert admin().get(URL + path).status_code == 404


def test_posting_to_an_unknown_type_or_question_is_404():
    s = admin()
    for path in ("/admin/types/999999999", "/admin/types/999999999/questions",
                 "/admin/questions/999999999"):
        r = s.post(URL + path, data={"csrf": csrf_for(s), "label": "x"},
                   allow_redirects=False)
        assert r.status_code == 404, path


# --------------------------------------------------------------------------
# Types


def test_create_type_writes_one_audit_row_and_is_offered_to_the_public(db, http):
    since = max_audit(db)
    tid, data = new_type(db, category="environmental", hint="Signs painted over",
                         **{"retention-days": "365"}, reason="New council priority")
    row = one(db, "SELECT name, category::text, parent_id, hint, retention_days, "
              "sort_order, active FROM asb_type WHERE id = %s", tid)
    assert row == (data["name"], "environmental", None, "Signs painted over", 365, 900, True)
    rows = audit_rows(db, "asb_type", tid, since)
    assert len(rows) == 1
    action, before, after, reason, _ = rows[0]
    assert action == "create" and not before and reason == "New council priority"
    assert after["code"] == data["code"] and after["category"] == "environmental"
    assert after["retention_days"] == 365 and after["active"] is True
    page = admin().get(URL + "/admin/types").text
    assert 'href="/admin/types/%d"' % tid in page and "has been added" in page
    # Straight onto the public form.
    start(http)
    assert 'value="%s"' % data["code"] in get(http, "/report/type").text


def test_bad_type_form_is_400_with_messages_and_keeps_what_was_typed(db):
    r = post(admin(), "/admin/types",
             {"code": "Bad Code!", "name": "Kept <name>", "hint": "kept hint",
              "retention-days": "two years", "sort-order": "-5", "active": "yes",
              "reason": "kept reason"}, "/admin/types/new")
    assert r.status_code == 400
    assert "There is a problem" in r.text and "<title>Error: " in r.text
    assert [f for f, _ in errors_of(r.text)] == \
        ["code", "category", "retention-days", "sort-order"]
    assert "Code must be 2 to 48 lower-case letters, digits and hyphens" in r.text
    assert "Days evidence is kept must be a whole number from 1 to 36500" in r.text
    assert "Order must be a whole number from 0 to 100000" in r.text
    for kept in ('value="Bad Code!"', 'value="Kept &lt;name&gt;"', "kept hint</textarea>",
                 'value="two years"', 'value="-5"', "kept reason</textarea>"):
        assert kept in r.text, kept
    assert re.search(r'id="active" name="active" type="radio" value="yes" checked', r.text)
    assert one(db, "SELECT count(*) FROM asb_type WHERE name = 'Kept <name>'") == 0


def test_empty_type_form_says_what_each_field_needs():
    r = post(admin(), "/admin/types", {}, "/admin/types/new")
    assert r.status_code == 400
    for message in ("Enter a code", "Enter the type&#39;s name", "Select the category",
                    "Enter how many days evidence is kept", "Enter the order",
                    "Select yes if the type is offered to people reporting"):
        assert message in r.text, message


def test_duplicate_type_code_is_a_field_error(db):
    r = post(admin(), "/admin/types",
             {"code": "noise", "name": "Another noise", "category": "nuisance",
              "retention-days": "730", "sort-order": "1", "active": "yes"},
             "/admin/types/new")
    assert r.status_code == 400
    assert "Another type has this code: enter a different code" in r.text
    assert 'value="Another noise"' in r.text


def test_a_parent_must_be_a_top_level_type(db, http):
    noise, alarms = type_id(db, "noise"), type_id(db, "noise-alarms")
    # A sub-type of a sub-type is refused; the choice is kept.
    r = post(admin(), "/admin/types",
             {"code": "x-" + suffix(), "name": "Deep", "category": "nuisance",
              "parent": str(alarms), "retention-days": "730", "sort-order": "1",
              "active": "yes"}, "/admin/types/new")
    assert r.status_code == 400
    assert ("parent", "Select a top-level type as the parent, or none") in errors_of(r.text)
    # Only top-level types are offered as parents.
    form = admin().get(URL + "/admin/types/new").text
    assert '<option value="%d"' % noise in form and '<option value="%d"' % alarms not in form
    # A type with sub-types cannot become one.
    page = edit_form(admin(), "/admin/types/%d" % noise)
    assert "cannot be a sub-type itself" in page and 'name="parent"' not in page
    other = type_id(db, "harassment")
    r = post(admin(), "/admin/types/%d" % noise,
             {"name": "Noise", "category": "nuisance", "parent": str(other),
              "retention-days": "730", "sort-order": "10", "active": "yes",
              "version": type_version(page)})
    assert r.status_code == 400
    assert "This type has sub-types, so it cannot be a sub-type itself" in r.text
    assert one(db, "SELECT parent_id FROM asb_type WHERE id = %s", noise) is None
    # A new sub-type of noise is offered after noise is chosen.
    tid, data = new_type(db, parent=str(noise), name="Bagpipes")
    start(http)
    assert step(http, "/report/type", {"type": "noise"}) == "/report/subtype"
    assert 'value="%s"' % data["code"] in get(http, "/report/subtype").text
    assert 'value="%s"' % data["code"] not in get(http, "/report/type").text


def test_type_edit_audits_only_the_change_and_keeps_the_code(db, http):
    tid, data = new_type(db)
    page = edit_form(admin(), "/admin/types/%d" % tid)
    assert data["code"] in page and 'name="code"' not in page
    since = max_audit(db)
    form = dict(data, active="no", reason="Merged into another type",
                version=type_version(page), code="changed-code")
    r = post(admin(), "/admin/types/%d" % tid, form)
    assert r.status_code == 303 and r.headers["Location"] == "/admin/types"
    assert one(db, "SELECT code, active FROM asb_type WHERE id = %s", tid) == \
        (data["code"], False)
    rows = audit_rows(db, "asb_type", tid, since)
    assert [(a, b, c, d) for a, b, c, d, _ in rows] == \
        [("update", {"active": True}, {"active": False}, "Merged into another type")]
    assert "Inactive" in admin().get(URL + "/admin/types").text
    start(http)
    assert 'value="%s"' % data["code"] not in get(http, "/report/type").text


def test_type_saved_unchanged_writes_nothing_and_stale_form_is_409(db):
    tid, data = new_type(db)
    stale = type_version(edit_form(admin(), "/admin/types/%d" % tid))
    since = max_audit(db)
    s = admin()
    r = s.post(URL + "/admin/types/%d" % tid,
               data=dict(data, version=stale, csrf=csrf_for(s)))
    assert r.status_code == 200 and "No changes were made" in r.text
    assert audit_rows(db, "asb_type", tid, since) == []
    assert post(admin(), "/admin/types/%d" % tid,
                dict(data, name="First", version=stale)).status_code == 303
    since = max_audit(db)
    r = post(admin(), "/admin/types/%d" % tid, dict(data, name="Second", version=stale))
    assert r.status_code == 409 and "changed by someone else" in r.text
    assert one(db, "SELECT name FROM asb_type WHERE id = %s", tid) == "First"
    assert audit_rows(db, "asb_type", tid, since) == []


def test_every_seeded_type_comes_back_unchanged_from_its_form(db):
    with db.cursor() as cur:
        cur.execute("SELECT id FROM asb_type WHERE code NOT LIKE 'test-%%' ORDER BY id")
        ids = [r[0] for r in cur.fetchall()]
    assert len(ids) >= 18
    since = max_audit(db)
    s = admin()
    for tid in ids:
        page = edit_form(s, "/admin/types/%d" % tid)
        parent = re.search(r'<option value="(\d+)" selected>', page)
        form = {"name": html.unescape(re.search(r'name="name" type="text"[^>]* value="([^"]*)"',
                                                page).group(1)),
                "category": re.search(r'name="category" type="radio" value="(\w+)" checked',
                                      page).group(1),
                "parent": parent.group(1) if parent else "",
                "hint": html.unescape(re.search(r'name="hint"[^>]*>(.*?)</textarea>', page,
                                                re.S).group(1)),
                "retention-days": re.search(r'name="retention-days"[^>]* value="(\d+)"',
                                            page).group(1),
                "sort-order": re.search(r'name="sort-order"[^>]* value="(\d+)"', page).group(1),
                "active": re.search(r'name="active" type="radio" value="(\w+)" checked',
                                    page).group(1),
                "version": type_version(page), "csrf": csrf_for(s, "/admin/types/%d" % tid)}
        r = s.post(URL + "/admin/types/%d" % tid, data=form, allow_redirects=False)
        assert r.status_code == 303, (tid, r.status_code, errors_of(r.text))
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM audit_event WHERE id > %s AND entity = 'asb_type' "
                    "AND action = 'update'", (since,))
        assert cur.fetchone()[0] == 0


def test_type_names_are_escaped_and_history_shows_the_change(db):
    tid, data = new_type(db, name='<script>alert("t")</script>')
    for path in ("/admin/types", "/admin/types/%d" % tid, "/admin/types/%d/history" % tid,
                 "/admin/types/%d/questions/new" % tid):
        text = admin().get(URL + path).text
        assert "<script>alert" not in text, path
        assert "&lt;script&gt;" in text, path
    page = edit_form(admin(), "/admin/types/%d" % tid)
    post(admin(), "/admin/types/%d" % tid,
         dict(data, **{"retention-days": "1000", "version": type_version(page),
                       "reason": "Longer for evidence"}))
    hist = admin().get(URL + "/admin/types/%d/history" % tid)
    assert hist.status_code == 200
    assert "Created" in hist.text and "Changed" in hist.text
    assert "Days evidence is kept" in hist.text and "1000" in hist.text
    assert "Longer for evidence" in hist.text
    assert 'href="/admin/types/%d"' % tid in hist.text


# --------------------------------------------------------------------------
# Questions


def test_create_choice_question_audited_and_asked_with_its_notice(db, http):
    tid, tdata = new_type(db)
    since = max_audit(db)
    qid, data = new_question(
        db, tid, key="where_from", label="Where is it coming from?", kind="single_choice",
        options="home|A home\r\n\r\n  street | The street  \r\nunsure|I'm not sure\r\n",
        required="yes", **{"triage-weight": "12", "notice-answer": "street",
                           "notice-text": "If you are in danger now, call 999."})
    row = one(db, "SELECT key, label, kind::text, options, required, triage_weight, "
              "notice, version, active FROM question WHERE id = %s", qid)
    assert row == ("where_from", "Where is it coming from?", "single_choice",
                   [{"value": "home", "label": "A home"},
                    {"value": "street", "label": "The street"},
                    {"value": "unsure", "label": "I'm not sure"}],
                   True, 12, {"answer": "street", "text": "If you are in danger now, call 999."},
                   1, True)
    rows = audit_rows(db, "question", qid, since)
    assert len(rows) == 1 and rows[0][0] == "create"
    after = rows[0][2]
    assert after["type"] == tdata["code"] and after["key"] == "where_from"
    assert after["options"] == ["home|A home", "street|The street", "unsure|I'm not sure"]
    assert after["notice_answer"] == "street"
    # The type's page lists it; its form shows the options one a line.
    page = admin().get(URL + "/admin/types/%d" % tid).text
    assert 'href="/admin/questions/%d"' % qid in page and "Where is it coming from?" in page
    form = edit_form(admin(), "/admin/questions/%d" % qid)
    assert "home|A home\nstreet|The street\nunsure|I&#39;m not sure\n</textarea>" in form
    # People reporting are asked it, and see the notice after answering.
    start(http)
    assert step(http, "/report/type", {"type": tdata["code"]}) == "/report/questions/1"
    q = get(http, "/report/questions/1").text
    assert "Where is it coming from?" in q and 'value="street"' in q
    step(http, "/report/questions/1", {"answer": "street"})
    assert "If you are in danger now, call 999." in get(http, "/report/when").text


@pytest.mark.parametrize("over,field,message", [
    ({"kind": "single_choice", "options": "only|One option"}, "options",
     "Enter at least 2 options, one a line, like home|A home"),
    ({"kind": "multiple_choice", "options": ""}, "options", "Enter at least 2 options"),
    ({"kind": "single_choice", "options": "a|A\nno bar here"}, "options",
     "Line 2 of the options needs a value and a label with | between them"),
    ({"kind": "single_choice", "options": "a|A\nBad Value|B"}, "options",
     "Line 2 of the options: the value must be 1 to 48 lower-case letters"),
    ({"kind": "single_choice", "options": "a|A\nb|"}, "options",
     "Line 2 of the options: the label must be 1 to 200 characters"),
    ({"kind": "single_choice", "options": "a|A\na|Again"}, "options",
     "Line 2 of the options repeats the value a"),
    ({"kind": "short_text", "options": "a|A\nb|B"}, "options",
     "Only single and multiple choice questions have options"),
    ({"kind": "single_choice", "options": "a|A\nb|B", "notice-answer": "c",
      "notice-text": "Call 999"}, "notice-answer",
     "The answer that shows the notice must be the value of one of the options"),
    ({"kind": "yes_no", "notice-answer": "maybe", "notice-text": "Call 999"},
     "notice-answer", "The answer that shows the notice must be yes or no"),
    ({"kind": "yes_no", "notice-answer": "yes"}, "notice-text", "Enter the notice to show"),
    ({"kind": "yes_no", "notice-text": "Call 999"}, "notice-answer",
     "Enter the answer that shows the notice"),
    ({"kind": "date", "notice-answer": "2026-01-01", "notice-text": "Call 999"},
     "notice-answer", "Only yes or no and choice questions can show a notice"),
    ({"triage-weight": "101"}, "triage-weight",
     "Triage weight must be a whole number from 0 to 100"),
    ({"triage-weight": ""}, "triage-weight", "Enter a triage weight"),
    ({"key": "Bad Key"}, "key", "Key must be 1 to 48 lower-case letters, digits and underscores"),
    ({"label": "x" * 501}, "label", "Question must be 500 characters or fewer"),
    ({"label": ""}, "label", "Enter the question"),
    ({"kind": ""}, "kind", "Select the kind of answer"),
    ({"required": ""}, "required", "Select yes if the question must be answered"),
])
def test_bad_question_form_says_what_to_fix_and_keeps_what_was_typed(db, over, field,
                                                                     message):
    tid, _ = new_type(db)
    key = "kept_" + suffix()
    data = {"key": key, "label": "Kept <label>", "hint": "kept hint",
            "kind": "short_text", "options": "", "required": "yes",
            "triage-weight": "7", "notice-answer": "", "notice-text": "",
            "sort-order": "10", "active": "yes", "reason": "kept reason"}
    data.update(over)
    r = post(admin(), "/admin/types/%d/questions" % tid, data,
             "/admin/types/%d/questions/new" % tid)
    assert r.status_code == 400
    assert "<title>Error: " in r.text
    errors = errors_of(r.text)
    assert [f for f, _ in errors] == [field], errors
    assert message in errors[0][1]
    assert 'id="%s-error"' % field in r.text
    if field != "label":
        assert 'value="Kept &lt;label&gt;"' in r.text
    assert "kept hint</textarea>" in r.text and "kept reason</textarea>" in r.text
    if data["options"]:
        assert data["options"] + "</textarea>" in r.text
    if data["kind"]:
        assert re.search(r'name="kind" type="radio" value="%s" checked' % data["kind"], r.text)
    assert one(db, "SELECT count(*) FROM question WHERE asb_type_id = %s", tid) == 0


def test_duplicate_key_in_a_type_is_a_field_error_but_fine_in_another(db):
    tid, _ = new_type(db)
    qid, data = new_question(db, tid, key="colour")
    r = post(admin(), "/admin/types/%d/questions" % tid, dict(data, label="Again"),
             "/admin/types/%d/questions/new" % tid)
    assert r.status_code == 400
    assert "This type already has a question with this key" in r.text
    assert 'value="Again"' in r.text
    other, _ = new_type(db)
    new_question(db, other, key="colour")


def test_question_edit_bumps_the_version_and_audits_the_change(db):
    tid, _ = new_type(db)
    qid, data = new_question(db, tid, kind="yes_no", label="Were you threatened?")
    page = edit_form(admin(), "/admin/questions/%d" % qid)
    assert data["key"] in page and 'name="key"' not in page
    since = max_audit(db)
    r = change_question(qid, data, label="Has anyone threatened you?",
                        **{"triage-weight": "25", "notice-answer": "yes",
                           "notice-text": "If you are in danger now, call 999.",
                           "reason": "Clearer wording"})
    assert r.status_code == 303 and r.headers["Location"] == "/admin/types/%d" % tid
    assert one(db, "SELECT label, version, triage_weight, notice->>'answer' FROM question "
               "WHERE id = %s", qid) == ("Has anyone threatened you?", 2, 25, "yes")
    rows = audit_rows(db, "question", qid, since)
    assert len(rows) == 1
    action, before, after, reason, _ = rows[0]
    assert action == "update" and reason == "Clearer wording"
    assert before == {"label": "Were you threatened?", "triage_weight": 0,
                      "notice_answer": "", "notice_text": "", "version": 1}
    assert after == {"label": "Has anyone threatened you?", "triage_weight": 25,
                     "notice_answer": "yes",
                     "notice_text": "If you are in danger now, call 999.", "version": 2}
    hist = admin().get(URL + "/admin/questions/%d/history" % qid)
    assert hist.status_code == 200
    assert "Has anyone threatened you?" in hist.text and "Clearer wording" in hist.text
    assert 'href="/admin/questions/%d"' % qid in hist.text


def test_question_saved_unchanged_keeps_its_version_and_stale_form_is_409(db):
    tid, _ = new_type(db)
    qid, data = new_question(db, tid)
    stale = question_version(edit_form(admin(), "/admin/questions/%d" % qid))
    since = max_audit(db)
    form = dict(data, version=stale)
    form.pop("key")
    s = admin()
    r = s.post(URL + "/admin/questions/%d" % qid, data=dict(form, csrf=csrf_for(s)))
    assert r.status_code == 200 and "No changes were made to the question" in r.text
    assert audit_rows(db, "question", qid, since) == []
    assert one(db, "SELECT version FROM question WHERE id = %s", qid) == 1
    assert post(admin(), "/admin/questions/%d" % qid,
                dict(form, label="First")).status_code == 303
    since = max_audit(db)
    r = post(admin(), "/admin/questions/%d" % qid, dict(form, label="Second"))
    assert r.status_code == 409 and "changed by someone else" in r.text
    assert one(db, "SELECT label, version FROM question WHERE id = %s", qid) == ("First", 2)
    assert audit_rows(db, "question", qid, since) == []


def form_values(page):
    """The values a browser would send from a question's change form."""
    def value(name):
        m = re.search(r'name="%s" type="text"[^>]* value="([^"]*)"' % name, page)
        return html.unescape(m.group(1))

    def textarea(name):
        m = re.search(r'name="%s"[^>]*>(.*?)</textarea>' % name, page, re.S)
        return html.unescape(m.group(1))

    def radio(name):
        m = re.search(r'name="%s" type="radio" value="([^"]+)" checked' % name, page)
        return m.group(1) if m else ""

    return {"label": value("label"), "hint": textarea("hint"), "kind": radio("kind"),
            "options": textarea("options"), "required": radio("required"),
            "triage-weight": value("triage-weight"), "notice-answer": value("notice-answer"),
            "notice-text": textarea("notice-text"), "sort-order": value("sort-order"),
            "active": radio("active"), "reason": "", "version": question_version(page)}


def test_every_seeded_question_comes_back_unchanged_from_its_form(db):
    """The form shows each question exactly as stored: sent back as it is, it
    changes nothing, whatever its kind, options or notice."""
    with db.cursor() as cur:
        cur.execute("SELECT q.id, q.version FROM question q JOIN asb_type t "
                    "ON t.id = q.asb_type_id WHERE t.code NOT LIKE 'test-%%' ORDER BY q.id")
        versions = dict(cur.fetchall())
    ids = sorted(versions)
    assert len(ids) > 50
    since = max_audit(db)
    s = admin()
    for qid in ids:
        page = edit_form(s, "/admin/questions/%d" % qid)
        form = form_values(page)
        form["csrf"] = csrf_for(s, "/admin/questions/%d" % qid)
        r = s.post(URL + "/admin/questions/%d" % qid, data=form, allow_redirects=False)
        assert r.status_code == 303, (qid, r.status_code, errors_of(r.text))
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM audit_event WHERE id > %s AND entity = 'question' "
                    "AND action = 'update'", (since,))
        assert cur.fetchone()[0] == 0
        cur.execute("SELECT id, version FROM question WHERE id = ANY(%s)", (ids,))
        assert dict(cur.fetchall()) == versions


def test_an_inactive_question_is_no_longer_asked(db, http):
    tid, tdata = new_type(db)
    first, fdata = new_question(db, tid, label="First question?", **{"sort-order": "10"})
    new_question(db, tid, label="Second question?", **{"sort-order": "20"})
    assert change_question(first, fdata, active="no").status_code == 303
    start(http)
    step(http, "/report/type", {"type": tdata["code"]})
    q = get(http, "/report/questions/1").text
    assert "Second question?" in q and "First question?" not in q


def test_editing_a_question_keeps_the_words_reports_were_given(db, http):
    """A report sent before an edit shows the old wording to staff; one sent
    after it is asked, and keeps, the new wording."""
    tid, tdata = new_type(db)
    qid, data = new_question(db, tid, key="vehicle_colour", required="yes",
                             label="What colour was the van?")
    before = report_one_answer(http, tdata["code"], "White")
    assert change_question(qid, data, label="What colour was the lorry?",
                           hint="As near as you can tell.").status_code == 303
    assert one(db, "SELECT version FROM question WHERE id = %s", qid) == 2
    # The report already made is untouched ...
    answers = one(db, "SELECT answers FROM report WHERE reference = %s", before)
    assert answers["vehicle_colour"]["question"] == "What colour was the van?"
    assert answers["vehicle_colour"]["version"] == 1
    staff = staff_who_sees(before)
    assert before in staff.get(URL + "/staff/reports").text
    page = staff.get(URL + "/staff/incidents/" + before).text
    assert "What colour was the van?" in page and "White" in page
    assert "What colour was the lorry?" not in page
    # ... and the next person is asked the new question, and keeps it.
    later = requests.Session()
    start(later)
    step(later, "/report/type", {"type": tdata["code"]})
    q = get(later, "/report/questions/1").text
    assert "What colour was the lorry?" in q and "As near as you can tell." in q
    assert "What colour was the van?" not in q
    after = report_one_answer(later, tdata["code"], "Red")
    answers = one(db, "SELECT answers FROM report WHERE reference = %s", after)
    assert answers["vehicle_colour"]["question"] == "What colour was the lorry?"
    assert answers["vehicle_colour"]["version"] == 2
    page = staff_who_sees(after).get(URL + "/staff/incidents/" + after).text
    assert "What colour was the lorry?" in page and "Red" in page
    # The first report still reads as it was asked.
    assert "What colour was the van?" in \
        staff.get(URL + "/staff/incidents/" + before).text


def test_a_question_changed_to_a_choice_is_asked_as_one(db, http):
    tid, tdata = new_type(db)
    qid, data = new_question(db, tid, label="How many?", kind="number")
    r = change_question(qid, data, kind="single_choice",
                        options="few|A few\nmany|Lots", required="yes")
    assert r.status_code == 303
    start(http)
    step(http, "/report/type", {"type": tdata["code"]})
    q = get(http, "/report/questions/1").text
    assert 'type="radio"' in q and 'value="many"' in q and "Lots" in q


def test_an_option_may_ask_a_follow_up_and_an_edit_keeps_it(db, http):
    """"value|label|follow-up question|message": stored with the option,
    shown again on the edit page, asked on the form with the option."""
    tid, tdata = new_type(db)
    qid, data = new_question(db, tid, kind="single_choice", required="yes",
                             label="Who was it?", options="no|I don't know\n"
                             "name|I know their name|What is their name?|Enter their name")
    options = one(db, "SELECT options FROM question WHERE id = %s", qid)
    assert options[1] == {"value": "name", "label": "I know their name",
                          "detail": "What is their name?",
                          "detail_missing": "Enter their name"}
    page = edit_form(admin(), "/admin/questions/%d" % qid)
    assert "name|I know their name|What is their name?|Enter their name" in html.unescape(page)
    assert change_question(qid, data, label="Who was it, if you know?").status_code == 303
    assert one(db, "SELECT options FROM question WHERE id = %s", qid)[1]["detail"] == \
        "What is their name?"
    r = change_question(qid, data, options="no|No\nname|Named||Enter it")
    assert r.status_code == 400
    assert "give the follow-up question before what to say" in html.unescape(r.text)
    start(http)
    step(http, "/report/type", {"type": tdata["code"]})
    assert 'for="detail-name">What is their name?</label>' in get(http, "/report/questions/1").text
