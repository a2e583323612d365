"""The staff risk pages (pages/risk.c): assessing and reassessing an incident
through the form, the history with each assessment's own questions, a stale
form kept on a 409, the reviews due and recording a review, and the
provisional score a public report gets from its triage answers (README
"Risk assessment"). Incidents are written as the database owner, as an
intake would leave them; what is checked is what staff see and the rows."""
import re
from html import unescape

import pytest

from stack import URL
from staff import as_role, csrf_of
from test_report_form import IMPACT, done, submit, to_check
from test_risk_assessment import KEYS, admin
from test_risk_assessment import safe_answers as safe


def sql(query, args=()):
    with admin() as conn, conn.cursor() as cur:
        cur.execute(query, args)
        return cur.fetchall() if cur.description else None


def add_incident(description="An incident for the risk pages", assessment_due=None):
    """An open police incident the demo police may see: (id, reference)."""
    return sql(
        "INSERT INTO incident (reference, channel, asb_type_id, description, status, "
        " owning_agency_id, sharing, assessment_due) "
        "SELECT 'ASB-' || to_char(now(), 'YYYY') || '-' || "
        "  lpad(nextval('incident_ref_seq')::text, 6, '0'), 'police', t.id, %s, 'open', "
        "  a.id, 'partnership', %s "
        "FROM asb_type t, agency a WHERE t.code = 'noise' AND a.code = 'city-police' "
        "RETURNING id, reference", (description, assessment_due))[0]


def form_of(page):
    """The assessment form's hidden fields."""
    return {"csrf": csrf_of(page),
            "version": re.search(r'name="version" value="(\d+)"', page).group(1),
            "questionnaire": re.search(r'name="questionnaire" value="(\d+)"', page).group(1)}


def assess_page(s, ref, answers, reason="", status=303, page=None):
    """Fills the assessment form as an officer would and sends it."""
    if page is None:
        got = s.get(URL + "/staff/incidents/%s/risk" % ref)
        assert got.status_code == 200, got.text[:500]
        page = got.text
    data = form_of(page)
    data.update({"q-" + k: v for k, v in answers.items()})
    data["reason"] = reason
    r = s.post(URL + "/staff/incidents/%s/risk" % ref, data=data, allow_redirects=False)
    assert r.status_code == status, (r.status_code, r.text[:1500])
    return r


def banner(s, location):
    page = s.get(URL + location).text
    m = re.search(r'govuk-notification-banner__heading">([^<]*)<', page)
    return unescape(m.group(1)) if m else None, page


def text(html):
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


@pytest.fixture
def active_version_restored():
    """A test that publishes a version makes version 1 active again after."""
    yield
    sql("UPDATE risk_questionnaire SET active = false WHERE active")
    sql("UPDATE risk_questionnaire SET active = true WHERE version = 1")


# ---------------------------------------------------------------------------
# Assessing

def test_the_form_asks_every_question_with_yes_no_and_dont_know():
    _, ref = add_incident()
    page = as_role("police_officer").get(URL + "/staff/incidents/%s/risk" % ref).text
    for k in KEYS:
        for suffix, value in (("", "yes"), ("-no", "no"), ("-unknown", "unknown")):
            assert 'id="q-%s%s" name="q-%s" type="radio" value="%s"' % (
                k, suffix, k, value) in page
    assert "Is the victim targeted because of who they are?" in unescape(page)
    assert 'name="questionnaire" value="1"' in page


def test_assessing_through_the_page_records_it_and_says_what_forced_the_level():
    iid, ref = add_incident()
    s = as_role("police_officer")
    # Targeted alone scores 3 (standard) but forces medium.
    r = assess_page(s, ref, safe(targeted="yes"))
    assert r.headers["Location"] == "/staff/incidents/%s/risk/history" % ref
    msg, page = banner(s, r.headers["Location"])
    assert msg == ("Risk assessment recorded: score 3, level Medium. The level was raised "
                   "to Medium by the answer to \"Is the victim targeted because of who "
                   "they are?\".")
    assert sql("SELECT risk_level::text, risk_score FROM incident WHERE id = %s",
               (iid,)) == [("medium", 3)]
    assert sql("SELECT count(*) FROM audit_event WHERE entity = 'incident' AND "
               "entity_id = %s AND action = 'risk_assessed'", (str(iid),)) == [(1,)]
    assert "Medium risk, score 3" in text(page)


def test_an_unanswered_question_is_asked_again_and_nothing_is_saved():
    iid, ref = add_incident()
    s = as_role("police_officer")
    answers = safe(threats="yes")
    del answers["age"]
    r = assess_page(s, ref, answers, status=400)
    assert "Select yes, no or don&#39;t know for: Does the victim&#39;s age make them " \
        "more vulnerable?" in r.text or "Select yes, no or don't know for: Does the " \
        "victim's age" in unescape(r.text)
    # What was answered is still chosen.
    assert 'id="q-threats" name="q-threats" type="radio" value="yes" checked' in r.text
    assert sql("SELECT count(*) FROM risk_assessment WHERE incident_id = %s",
               (iid,)) == [(0,)]


def test_a_reassessment_needs_a_reason_and_keeps_the_history():
    iid, ref = add_incident()
    s = as_role("police_officer")
    assess_page(s, ref, safe())
    r = assess_page(s, ref, safe(disability="yes", health_affected="yes",
                                 afraid_home="yes", escalating="yes", threats="yes",
                                 isolated="yes"), status=400)
    assert "Enter why you are reassessing the risk" in r.text
    r = assess_page(s, ref, safe(disability="yes", health_affected="yes",
                                 afraid_home="yes", escalating="yes", threats="yes",
                                 isolated="yes"), reason="Threats made last night")
    msg, page = banner(s, r.headers["Location"])
    assert msg == "Risk assessment recorded: score 17, level High."
    body = text(page)
    assert body.index("High risk, score 17") < body.index("Standard risk, score 0")
    assert "Threats made last night" in body
    assert "PC Olu Officer" in body
    assert sql("SELECT level::text, score, reason FROM risk_assessment WHERE "
               "incident_id = %s ORDER BY id", (iid,)) == [
        ("standard", 0, ""), ("high", 17, "Threats made last night")]


def test_the_history_shows_each_assessment_in_its_own_versions_words(
        active_version_restored):
    iid, ref = add_incident()
    s = as_role("police_officer")
    assess_page(s, ref, safe(targeted="yes"))
    # Version 2: new wording for "targeted", and threats now force high.
    v2 = sql("SELECT risk_questionnaire_copy(1, 'test: threats force high')")[0][0]
    sql("UPDATE risk_question SET label = 'Was the victim picked on for who they are?' "
        "WHERE version = %s AND key = 'targeted'", (v2,))
    sql("UPDATE risk_question SET forces_level = 'high' WHERE version = %s AND "
        "key = 'threats'", (v2,))
    sql("SELECT risk_questionnaire_publish(%s)", (v2,))

    page = s.get(URL + "/staff/incidents/%s/risk" % ref).text
    assert 'name="questionnaire" value="%d"' % v2 in page
    assert "Was the victim picked on for who they are?" in page
    r = assess_page(s, ref, safe(threats="yes"), reason="Threats", page=page)
    msg, history = banner(s, r.headers["Location"])
    assert msg == ("Risk assessment recorded: score 3, level High. The level was raised "
                   "to High by the answer to \"Has the victim been threatened, or do "
                   "they fear reprisals?\".")
    body = text(history)
    newer, older = body.split("Medium risk, score 3")
    assert "High risk, score 3" in newer and "(version %d)" % v2 in newer
    assert "Was the victim picked on for who they are?" in newer
    assert "Is the victim targeted because of who they are?" not in newer
    assert "Is the victim targeted because of who they are?" in older
    assert "(version 1)" in older and "picked on" not in older


def test_a_stale_form_is_refused_with_409_and_keeps_the_answers():
    iid, ref = add_incident()
    s = as_role("police_officer")
    page = s.get(URL + "/staff/incidents/%s/risk" % ref).text
    # Someone else changes the incident while the form is open.
    sql("UPDATE incident SET version = version + 1 WHERE id = %s", (iid,))
    r = assess_page(s, ref, safe(threats="yes", age="unknown"), reason="First look",
                    status=409, page=page)
    assert "This incident was changed by someone else" in r.text
    assert 'id="q-threats" name="q-threats" type="radio" value="yes" checked' in r.text
    assert 'id="q-age-unknown" name="q-age" type="radio" value="unknown" checked' in r.text
    assert "First look</textarea>" in r.text
    assert sql("SELECT count(*) FROM risk_assessment WHERE incident_id = %s",
               (iid,)) == [(0,)]
    # The page it gave back carries the new version: sending it again saves.
    assess_page(s, ref, safe(threats="yes", age="unknown"), reason="First look",
                page=r.text)
    assert sql("SELECT level::text FROM risk_assessment WHERE incident_id = %s",
               (iid,)) == [("medium",)]


def test_an_incident_one_may_not_see_is_not_found():
    iid, ref = add_incident()
    sql("UPDATE incident SET sharing = 'agency' WHERE id = %s", (iid,))
    s = as_role("council_officer")
    assert s.get(URL + "/staff/incidents/%s/risk/history" % ref).status_code == 404
    assert s.get(URL + "/staff/incidents/%s/risk" % ref).status_code == 404


# ---------------------------------------------------------------------------
# Reviews

def assessed_days_ago(ref, days, level="high"):
    """Assessed through the page at this level, then moved back in time."""
    answers = safe() if level == "standard" else (
        safe(targeted="yes") if level == "medium" else
        safe(disability="yes", health_affected="yes", afraid_home="yes",
             escalating="yes", threats="yes", isolated="yes"))
    assess_page(as_role("police_officer"), ref, answers)
    sql("UPDATE risk_assessment SET assessed_at = now() - make_interval(days => %s) "
        "WHERE incident_id = (SELECT id FROM incident WHERE reference = %s)", (days, ref))


def reviews_page():
    r = as_role("police_supervisor").get(URL + "/staff/risk-reviews")
    assert r.status_code == 200, r.text[:500]
    return r.text


def row_of(page, ref):
    m = re.search(r'<tr class="govuk-table__row">\s*<td class="govuk-table__cell">'
                  r'<a class="govuk-link" href="/staff/incidents/%s">.*?</tr>' % ref,
                  page, re.S)
    return text(m.group(0)) if m else None


def test_reviews_due_lists_a_high_assessment_past_14_days_and_not_one_at_13():
    _, due = add_incident()
    _, early = add_incident()
    assessed_days_ago(due, 15)
    assessed_days_ago(early, 13)
    page = reviews_page()
    row = row_of(page, due)
    assert row is not None
    assert "High" in row and "Overdue by 1 day" in row and "Record review" in row
    assert row_of(page, early) is None


def test_an_incident_awaiting_its_first_assessment_is_listed_once_overdue():
    _, late = add_incident(assessment_due="2026-01-01T09:00:00Z")
    _, not_yet = add_incident(assessment_due="2999-01-01T09:00:00Z")
    page = reviews_page()
    row = row_of(page, late)
    assert row is not None and "Awaiting a first assessment" in row
    assert row_of(page, not_yet) is None
    # Assessing it clears assessment_due: it leaves the list.
    assess_page(as_role("police_officer"), late, safe())
    assert sql("SELECT assessment_due FROM incident WHERE reference = %s",
               (late,)) == [(None,)]
    assert row_of(reviews_page(), late) is None


def test_recording_a_review_removes_it_from_the_list_and_is_audited():
    iid, ref = add_incident()
    assessed_days_ago(ref, 15)
    s = as_role("police_supervisor")
    form = s.get(URL + "/staff/incidents/%s/risk/review" % ref)
    assert form.status_code == 200
    assert 'value="high" checked' in form.text
    version = re.search(r'name="version" value="(\d+)"', form.text).group(1)
    data = {"csrf": csrf_of(form.text), "version": version, "level": "high", "note": ""}
    r = s.post(URL + "/staff/incidents/%s/risk/review" % ref, data=data,
               allow_redirects=False)
    assert r.status_code == 400 and "Enter a note of the review" in r.text
    data["note"] = "Spoke to the victim: still afraid to go out"
    r = s.post(URL + "/staff/incidents/%s/risk/review" % ref, data=data,
               allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/staff/risk-reviews"
    msg, page = banner(s, "/staff/risk-reviews")
    assert msg == "Review of %s recorded: the level stays High." % ref
    assert row_of(page, ref) is None
    assert sql("SELECT level_before::text, level_after::text, note FROM risk_review "
               "WHERE incident_id = %s", (iid,)) == [
        ("high", "high", "Spoke to the victim: still afraid to go out")]
    assert sql("SELECT reason, after->>'risk_level' FROM audit_event WHERE entity = "
               "'incident' AND entity_id = %s AND action = 'risk_reviewed'",
               (str(iid),)) == [("Spoke to the victim: still afraid to go out", "high")]
    assert sql("SELECT version FROM incident WHERE id = %s", (iid,))[0][0] > int(version)


def test_a_review_that_changes_the_level_changes_the_incidents_level():
    iid, ref = add_incident()
    assessed_days_ago(ref, 29, level="medium")
    assert row_of(reviews_page(), ref) is not None
    s = as_role("police_supervisor")
    form = s.get(URL + "/staff/incidents/%s/risk/review" % ref).text
    r = s.post(URL + "/staff/incidents/%s/risk/review" % ref, data={
        "csrf": csrf_of(form), "level": "high", "note": "Now threatened as well",
        "version": re.search(r'name="version" value="(\d+)"', form).group(1)},
        allow_redirects=False)
    assert r.status_code == 303
    assert sql("SELECT risk_level::text FROM incident WHERE id = %s", (iid,)) == [("high",)]
    # Reviewed today at high: the next review is the one after day 29 (day 56).
    assert row_of(reviews_page(), ref) is None


def test_a_stale_review_form_is_refused_and_keeps_the_note():
    iid, ref = add_incident()
    assessed_days_ago(ref, 15)
    s = as_role("police_supervisor")
    form = s.get(URL + "/staff/incidents/%s/risk/review" % ref).text
    sql("UPDATE incident SET version = version + 1 WHERE id = %s", (iid,))
    r = s.post(URL + "/staff/incidents/%s/risk/review" % ref, data={
        "csrf": csrf_of(form), "level": "medium", "note": "Calmer now",
        "version": re.search(r'name="version" value="(\d+)"', form).group(1)},
        allow_redirects=False)
    assert r.status_code == 409
    assert "Calmer now</textarea>" in r.text and 'value="medium" checked' in r.text
    assert sql("SELECT count(*) FROM risk_review WHERE incident_id = %s", (iid,)) == [(0,)]


def test_an_officer_without_risk_review_gets_403():
    s = as_role("police_officer")
    assert s.get(URL + "/staff/risk-reviews").status_code == 403
    _, ref = add_incident()
    assert s.get(URL + "/staff/incidents/%s/risk/review" % ref).status_code == 403


def test_the_supervisors_home_page_counts_the_reviews_due():
    _, ref = add_incident()
    assessed_days_ago(ref, 15)
    n = len(re.findall(r"Record review<", reviews_page()))
    home = as_role("police_supervisor").get(URL + "/staff").text
    m = re.search(r'href="/staff/risk-reviews">Risk reviews due: (\d+)<', home)
    assert m and int(m.group(1)) >= n >= 1
    assert "Risk reviews due" not in as_role("police_officer").get(URL + "/staff").text


# ---------------------------------------------------------------------------
# The provisional score

@pytest.fixture
def weighted_question():
    """The noise form's first yes/no question weighs 5 for the test."""
    rows = sql("SELECT q.id, q.triage_weight FROM question q JOIN asb_type t ON "
               "t.id = q.asb_type_id WHERE t.code = 'noise-shouting-banging'")
    yes_no = sql("SELECT q.id FROM question q JOIN asb_type t ON t.id = q.asb_type_id "
                 "WHERE t.code = 'noise-shouting-banging' AND q.kind = 'yes_no' "
                 "ORDER BY q.sort_order, q.id LIMIT 1")[0][0]
    sql("UPDATE question SET triage_weight = 0 WHERE id = ANY(%s)", ([r[0] for r in rows],))
    sql("UPDATE question SET triage_weight = 5 WHERE id = %s", (yes_no,))
    yield
    for qid, weight in rows:
        sql("UPDATE question SET triage_weight = %s WHERE id = %s", (weight, qid))


def test_a_public_report_gets_a_provisional_score_from_its_triage_answers(
        http, weighted_question):
    # The noise form answers its first yes/no question "yes" (NOISE_ANSWERS).
    to_check(http, impact=dict(IMPACT, **{"feels-unsafe": "yes", "vulnerable": "yes",
                                          "targeted": "yes", "happened-before": "no"}))
    r, _, _ = submit(http)
    assert r.status_code == 303
    ref, _, _ = done(http)
    # afraid_home 3 + disability 3 + targeted 3, and the weighted question's 5:
    # 14, medium (version 1: medium from 8, high from 16).
    assert sql("SELECT i.provisional_score, i.provisional_level::text FROM report r "
               "JOIN incident i ON i.id = r.incident_id WHERE r.reference = %s",
               (ref,)) == [(14, "medium")]
