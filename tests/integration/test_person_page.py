"""The person page (/staff/people/{id}) and merging two records of one
person (issue 9, README "People"): what the page shows, that every view is
on the record, segregation, the suggestions, who may merge, and that a
merge moves every row that pointed at the merged person and its undo puts
every one of them back."""
import html
import random
import re
import string

import pytest

from stack import URL, ctl
from staff import as_role, csrf_for, demo_user


def one(db, sql, *args):
    with db.cursor() as cur:
        cur.execute(sql, args)
        row = cur.fetchone()
    return row[0] if row is not None and len(row) == 1 else row


def rows(db, sql, *args):
    with db.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall()


def family():
    """A family name no one has yet, so suggestions are this test's own."""
    return "Q" + "".join(random.choice(string.ascii_lowercase) for _ in range(9))


def phone():
    return "07700 9%05d" % random.randrange(100000)


def user_id(db, role):
    return one(db, "SELECT id FROM app_user WHERE email = %s", demo_user(role)["email"])


def add_person(db, given, family_name, agency="city-police", sharing="partnership",
               **facts):
    cols = dict(facts, given_name=given, family_name=family_name)
    names = ", ".join(cols)
    marks = ", ".join(["%s"] * len(cols))
    return one(db, "INSERT INTO person (owning_agency_id, sharing, " + names + ") "
               "SELECT a.id, %s, " + marks + " FROM agency a WHERE a.code = %s "
               "RETURNING id", sharing, *cols.values(), agency)


def keys_computed():
    """The match keys are written by the application's rule (C), never by
    SQL: rows written here get theirs from concordctl, as older rows do."""
    r = ctl("person", "backfill", check=False)
    assert r.returncode == 0, r.stderr


def add_incident(db, agency="city-police", reporter=None, victim=None):
    return one(db, "INSERT INTO incident (reference, channel, asb_type_id, description, "
               " status, owning_agency_id, reporter_id, victim_id) "
               "SELECT 'ASB-' || to_char(now(), 'YYYY') || '-' || "
               "  lpad(nextval('incident_ref_seq')::text, 6, '0'), 'police', t.id, "
               "  'Shouting in the stairwell', 'open', a.id, %s, %s "
               "FROM asb_type t, agency a WHERE t.code = 'noise' AND a.code = %s "
               "RETURNING id", reporter, victim, agency)


def reference(db, incident):
    return one(db, "SELECT reference FROM incident WHERE id = %s", incident)


def add_part(db, incident, person, role, by=None):
    with db.cursor() as cur:
        cur.execute("INSERT INTO incident_person (incident_id, person_id, role, added_by) "
                    "VALUES (%s, %s, %s, %s)", (incident, person, role, by))


def views_of(db, person):
    return one(db, "SELECT count(*) FROM audit_event WHERE entity = 'person' "
               "AND entity_id = %s AND action = 'view'", str(person))


def text(page):
    page = re.sub(r'<span class="govuk-visually-hidden">[^<]*</span>', "", page)
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    return html.unescape(re.sub(r" ([:,.])", r"\1", words))


def test_page_shows_details_consent_vulnerability_and_incidents_with_roles(db):
    name = family()
    pid = add_person(db, "Ada", name, date_of_birth="1980-03-03", phone="07700 900111",
                     email="ada@example.org", address="1 Golden Lane", postcode="EC1Y 0RN",
                     preferred_contact="phone", contact_consent=True,
                     share_consent=False, vulnerable=True)
    first, second = add_incident(db, victim=pid), add_incident(db)
    add_part(db, first, pid, "victim")
    add_part(db, second, pid, "witness")
    before = views_of(db, pid)
    r = as_role("police_officer").get(URL + "/staff/people/%d" % pid)
    assert r.status_code == 200, r.text[:500]
    page = text(r.text)
    assert "Ada " + name in page
    assert "Date of birth 3 March 1980" in page
    assert "07700 900111" in page and "ada@example.org" in page
    assert "1 Golden Lane" in page and "EC1Y 0RN" in page
    assert "How they prefer to be contacted Phone" in page
    assert "Agrees to be contacted Yes" in page
    assert "Agrees to their details being shared No" in page
    assert "govuk-tag--red\">Vulnerable" in r.text
    for incident, role in ((first, "Victim"), (second, "Witness")):
        ref = reference(db, incident)
        row = re.search(r'<tr class="govuk-table__row">\s*<td[^>]*><a class="govuk-link" '
                        r'href="/staff/incidents/%s">.*?</tr>' % ref, r.text, re.S)
        assert row, ref
        assert "Noise" in row.group(0) and "Open" in row.group(0)
        assert role in row.group(0)
    # Every view is on the record, with who looked.
    assert views_of(db, pid) == before + 1
    assert one(db, "SELECT actor_id FROM audit_event WHERE entity = 'person' "
               "AND entity_id = %s AND action = 'view' ORDER BY id DESC LIMIT 1",
               str(pid)) == user_id(db, "police_officer")


def test_another_agency_without_sharing_sees_no_such_person(db):
    pid = add_person(db, "Bea", family(), sharing="agency")
    assert as_role("police_officer").get(URL + "/staff/people/%d" % pid).status_code == 200
    before = views_of(db, pid)
    for role in ("council_officer", "partner_reporter"):
        r = as_role(role).get(URL + "/staff/people/%d" % pid)
        assert r.status_code == 404, role
        assert "Bea" not in r.text
    # Nothing was shown, so no view; the miss is recorded as one.
    assert views_of(db, pid) == before
    assert one(db, "SELECT count(*) FROM audit_event WHERE action = 'not_found' "
               "AND actor_id = %s AND after->>'asked' = %s",
               user_id(db, "council_officer"), str(pid)) >= 1
    # Shared with the partnership, the council sees the person; a third
    # sector partner that is not a core partner still does not.
    shared = add_person(db, "Cy", family())
    assert as_role("council_officer").get(URL + "/staff/people/%d" % shared).status_code == 200
    assert as_role("partner_reporter").get(URL + "/staff/people/%d" % shared).status_code == 404
    # Without person.view, not even the page.
    assert as_role("analyst").get(URL + "/staff/people/%d" % shared).status_code == 403
    assert as_role("police_officer").get(URL + "/staff/people/999999999").status_code == 404
    assert as_role("police_officer").get(URL + "/staff/people/abc").status_code == 404


def test_possible_matches_are_suggested_with_reasons(db):
    name, number = family(), phone()
    first = add_person(db, "Dee", name, phone=number)
    second = add_person(db, "dee", name.lower(), phone=number.replace("07700", "+44 7700"))
    other = add_person(db, "Dee", family())
    keys_computed()
    r = as_role("police_officer").get(URL + "/staff/people/%d" % first)
    assert r.status_code == 200
    assert "May be the same person" in r.text
    match = re.search(r'May be the same person as <a class="govuk-link" '
                      r'href="/staff/people/%d">(.*?)</ul>' % second, r.text, re.S)
    assert match, r.text
    assert "Strong match" in match.group(1)
    assert "Same name" in match.group(1) and "Same phone number" in match.group(1)
    assert 'href="/staff/people/%d"' % other not in r.text
    assert 'href="/staff/people/%d"' % first not in r.text.split("May be the same")[1]
    # Suggestion only: nothing was merged by looking.
    assert one(db, "SELECT merged_into FROM person WHERE id = %s", second) is None


def test_an_officer_may_not_merge(db):
    name = family()
    first, second = add_person(db, "Eve", name), add_person(db, "Eve", name)
    keys_computed()
    officer = as_role("police_officer")
    page = officer.get(URL + "/staff/people/%d" % first).text
    assert "May be the same person" in page
    assert "Merge with" not in page and "/merge" not in page
    assert officer.get(URL + "/staff/people/%d/merge?with=%d" % (first, second)).status_code == 403
    r = officer.post(URL + "/staff/people/%d/merge" % first, allow_redirects=False,
                     data={"csrf": csrf_for(officer), "with": str(second), "keep": "this"})
    assert r.status_code == 403
    r = officer.post(URL + "/staff/people/%d/unmerge" % first, allow_redirects=False,
                     data={"csrf": csrf_for(officer)})
    assert r.status_code == 403
    assert one(db, "SELECT count(*) FROM person WHERE id IN (%s, %s) "
               "AND merged_into IS NOT NULL", first, second) == 0
    page = as_role("police_supervisor").get(URL + "/staff/people/%d" % first).text
    assert 'href="/staff/people/%d/merge?with=%d"' % (first, second) in page


def state(db, people, incidents, report, notice, call):
    """Everything a merge may touch, as the database owner sees it."""
    return {
        "parts": rows(db, "SELECT incident_id, person_id, role, added_at, added_by "
                      "FROM incident_person WHERE incident_id = ANY (%s) "
                      "ORDER BY 1, 2, 3", incidents),
        "incidents": rows(db, "SELECT id, reporter_id, victim_id FROM incident "
                          "WHERE id = ANY (%s) ORDER BY id", incidents),
        "report": one(db, "SELECT reporter_id FROM report WHERE id = %s", report),
        "notice": one(db, "SELECT person_id FROM case_review_notice WHERE id = %s", notice),
        "call": one(db, "SELECT caller_id FROM incident_call WHERE id = %s", call),
        "people": rows(db, "SELECT id, merged_into, merged_at, merged_by, updated_at "
                       "FROM person WHERE id = ANY (%s) ORDER BY id", people),
    }


def repeat_victim(db, incidents):
    return [r[0] for r in rows(db, "SELECT repeat_victim FROM incident WHERE id = ANY (%s) "
                               "ORDER BY id", incidents)]


def test_supervisor_merges_and_undo_puts_every_row_back(db):
    name = family()
    kept = add_person(db, "Fay", name, phone=phone())
    merged = add_person(db, "Fay", name)
    officer = user_id(db, "police_officer")
    # The merged person: reporter and victim of one incident (and its
    # report, Case Review notice and call); the kept person: victim of
    # another; both witnesses of a third (a part the kept person has
    # already).
    own = add_incident(db, reporter=merged, victim=merged)
    add_part(db, own, merged, "victim", by=officer)
    add_part(db, own, merged, "reporter", by=officer)
    theirs = add_incident(db, victim=kept)
    add_part(db, theirs, kept, "victim")
    both = add_incident(db)
    add_part(db, both, kept, "witness")
    add_part(db, both, merged, "witness", by=officer)
    incidents = sorted([own, theirs, both])
    report = one(db, "INSERT INTO report (reference, incident_id, channel, tracking_hash, "
                 " reporter_id, owning_agency_id) SELECT i.reference, i.id, 'police', "
                 " repeat('a', 64), %s, i.owning_agency_id FROM incident i WHERE i.id = %s "
                 "RETURNING id", merged, own)
    notice = one(db, "INSERT INTO case_review_notice (person_id, incident_id, told_by, how) "
                 "VALUES (%s, %s, %s, 'phone') RETURNING id", merged, own, officer)
    call = one(db, "INSERT INTO incident_call (incident_id, caller_id, created_by) "
               "VALUES (%s, %s, %s) RETURNING id", own, merged, officer)
    keys_computed()
    sup = as_role("police_supervisor")
    # Flags as they stand for two separate people.
    sup.get(URL + "/staff/people/%d" % merged)
    before = state(db, [kept, merged], incidents, report, notice, call)

    # The confirmation shows both, side by side, and changes nothing.
    r = sup.get(URL + "/staff/people/%d/merge?with=%d" % (merged, kept))
    assert r.status_code == 200, r.text[:500]
    assert "Merge these records?" in r.text
    assert "This record (%d)" % merged in r.text and "Record %d" % kept in r.text
    assert state(db, [kept, merged], incidents, report, notice, call) == before

    r = sup.post(URL + "/staff/people/%d/merge" % merged, allow_redirects=False,
                 data={"csrf": csrf_for(sup), "with": str(kept), "keep": "other"})
    assert r.status_code == 303, r.text[:500]
    assert r.headers["Location"] == "/staff/people/%d" % kept

    parts = rows(db, "SELECT incident_id, person_id, role FROM incident_person "
                 "WHERE incident_id = ANY (%s) ORDER BY 1, 2, 3", incidents)
    assert sorted(parts) == sorted([(own, kept, "victim"), (own, kept, "reporter"),
                                    (theirs, kept, "victim"), (both, kept, "witness")])
    assert rows(db, "SELECT reporter_id, victim_id FROM incident WHERE id = %s", own) == \
        [(kept, kept)]
    assert one(db, "SELECT reporter_id FROM report WHERE id = %s", report) == kept
    assert one(db, "SELECT person_id FROM case_review_notice WHERE id = %s", notice) == kept
    assert one(db, "SELECT caller_id FROM incident_call WHERE id = %s", call) == kept
    sup_id = user_id(db, "police_supervisor")
    assert rows(db, "SELECT merged_into, merged_by FROM person WHERE id = %s", merged) == \
        [(kept, sup_id)]
    assert one(db, "SELECT count(*) FROM person_merge WHERE kept_id = %s AND merged_id = %s "
               "AND undone_at IS NULL", kept, merged) == 1
    # The kept person is now the victim of two incidents: a repeat victim.
    assert repeat_victim(db, [own, theirs]) == [True, True]
    for pid in (kept, merged):
        assert one(db, "SELECT count(*) FROM audit_event WHERE entity = 'person' "
                   "AND entity_id = %s AND action = 'merge' AND actor_id = %s",
                   str(pid), sup_id) == 1
    assert one(db, "SELECT after->>'merged_into' FROM audit_event WHERE entity = 'person' "
               "AND entity_id = %s AND action = 'merge'", str(merged)) == str(kept)

    # The merged record says so, links to the kept one and offers the undo;
    # it is no longer suggested.
    kept_page = sup.get(URL + "/staff/people/%d" % kept).text
    assert "Records merged" in kept_page
    page = sup.get(URL + "/staff/people/%d" % merged).text
    assert "This record was merged into" in page
    assert 'href="/staff/people/%d"' % kept in page
    assert 'action="/staff/people/%d/unmerge"' % merged in page and "Undo merge" in page
    assert 'href="/staff/people/%d"' % merged not in kept_page
    assert len(re.findall(r"/staff/incidents/ASB-", kept_page)) == 4
    # An officer sees the banner but no undo.
    officer_page = as_role("police_officer").get(URL + "/staff/people/%d" % merged).text
    assert "This record was merged into" in officer_page and "Undo merge" not in officer_page
    # Merging it again is refused: it is merged already.
    r = sup.post(URL + "/staff/people/%d/merge" % merged, allow_redirects=False,
                 data={"csrf": csrf_for(sup), "with": str(kept), "keep": "other"})
    assert r.status_code == 409

    r = sup.post(URL + "/staff/people/%d/unmerge" % merged, allow_redirects=False,
                 data={"csrf": csrf_for(sup)})
    assert r.status_code == 303 and r.headers["Location"] == "/staff/people/%d" % merged
    assert state(db, [kept, merged], incidents, report, notice, call) == before
    assert repeat_victim(db, [own, theirs]) == [False, False]
    assert one(db, "SELECT count(*) FROM person_merge WHERE merged_id = %s "
               "AND undone_by = %s AND undone_at IS NOT NULL", merged, sup_id) == 1
    for pid in (kept, merged):
        assert one(db, "SELECT count(*) FROM audit_event WHERE entity = 'person' "
                   "AND entity_id = %s AND action = 'unmerge'", str(pid)) == 1
    page = sup.get(URL + "/staff/people/%d" % merged).text
    assert "Merge undone" in page and "This record was merged into" not in page
    # Nothing left to undo.
    r = sup.post(URL + "/staff/people/%d/unmerge" % merged, allow_redirects=False,
                 data={"csrf": csrf_for(sup)})
    assert r.status_code == 409
    # The history of the person tells the story in words.
    hist = text(sup.get(URL + "/staff/people/%d/history" % merged).text)
    assert "Merged with another record" in hist and "Merge undone" in hist
    assert "Merged into: (none) → Fay " + name in hist


@pytest.mark.parametrize("query,status,message", [
    ("", 200, None),
    ("?with=abc", 400, "Enter the record number of the other person"),
    ("?with={self}", 400, "a record cannot be merged with itself"),
    ("?with=999999999", 400, "There is no person record 999999999 that you can see"),
])
def test_merge_page_says_what_to_fix(db, query, status, message):
    pid = add_person(db, "Gus", family())
    r = as_role("council_manager").get(URL + "/staff/people/%d/merge" % pid +
                                       query.replace("{self}", str(pid)))
    assert r.status_code == status
    assert 'name="with"' in r.text
    if message:
        assert "There is a problem" in r.text and message in html.unescape(r.text)


def test_merge_without_choosing_which_to_keep_changes_nothing(db):
    name = family()
    first, second = add_person(db, "Hal", name), add_person(db, "Hal", name)
    mgr = as_role("council_manager")
    r = mgr.post(URL + "/staff/people/%d/merge" % first, allow_redirects=False,
                 data={"csrf": csrf_for(mgr), "with": str(second)})
    assert r.status_code == 400
    assert "Select the record to keep" in r.text and "Merge these records?" in r.text
    assert one(db, "SELECT count(*) FROM person WHERE id IN (%s, %s) "
               "AND merged_into IS NOT NULL", first, second) == 0


def test_undo_waits_for_a_later_merge_of_the_kept_record(db):
    name = family()
    first, second, third = (add_person(db, "Ivy", name) for _ in range(3))
    incident = add_incident(db)
    add_part(db, incident, first, "subject")
    mgr = as_role("police_supervisor")

    def merge(pid, into):
        r = mgr.post(URL + "/staff/people/%d/merge" % pid, allow_redirects=False,
                     data={"csrf": csrf_for(mgr), "with": str(into), "keep": "other"})
        assert r.status_code == 303, r.text[:500]

    def undo(pid):
        return mgr.post(URL + "/staff/people/%d/unmerge" % pid, allow_redirects=False,
                        data={"csrf": csrf_for(mgr)}).status_code

    merge(first, second)
    merge(second, third)
    assert one(db, "SELECT person_id FROM incident_person WHERE incident_id = %s",
               incident) == third
    # The first merge's rows now sit with the third record: undo the later one first.
    assert undo(first) == 409
    assert undo(second) == 303
    assert undo(first) == 303
    assert one(db, "SELECT person_id FROM incident_person WHERE incident_id = %s",
               incident) == first
    assert one(db, "SELECT count(*) FROM person WHERE id IN (%s, %s, %s) "
               "AND merged_into IS NOT NULL", first, second, third) == 0
