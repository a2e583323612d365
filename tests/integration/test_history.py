"""History pages (who, when, what changed and why, newest first, a page at
a time), your own activity, and a supervisor's view of their team's."""
import html
import json
import re
import uuid

from stack import URL
from staff import as_role, csrf_for, demo_user


def one(db, sql, *args):
    with db.cursor() as cur:
        cur.execute(sql, args)
        row = cur.fetchone()
    return row[0] if row is not None and len(row) == 1 else row


def user_id(db, role):
    return one(db, "SELECT id FROM app_user WHERE email = %s", demo_user(role)["email"])


def make_agency(db, name):
    s = as_role("administrator")
    code = "hist-" + uuid.uuid4().hex[:8]
    r = s.post(URL + "/admin/agencies", allow_redirects=False, data={
        "csrf": csrf_for(s), "code": code, "name": name, "kind": "third_sector",
        "core_partner": "no", "active": "yes"})
    assert r.status_code == 303, r.text[:500]
    return one(db, "SELECT id FROM agency WHERE code = %s", code), code


def rows_of(page):
    body = re.search(r'<tbody class="govuk-table__body">(.*?)</tbody>', page, re.S)
    assert body, "no table on the page"
    return re.findall(r'<tr class="govuk-table__row">(.*?)</tr>', body.group(1), re.S)


def text(fragment):
    """What a sighted reader sees (without the words for screen readers)."""
    fragment = re.sub(r'<span class="govuk-visually-hidden">[^<]*</span>', "", fragment)
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))
    return html.unescape(re.sub(r" ([:,.])", r"\1", words)).strip()


def test_history_page_shows_who_when_what_changed_and_why(db):
    aid, code = make_agency(db, "Before Name")
    s = as_role("administrator")
    page = s.get(URL + "/admin/agencies/%d" % aid).text
    version = re.search(r'name="version" value="([0-9a-f]{32})"', page).group(1)
    r = s.post(URL + "/admin/agencies/%d" % aid, allow_redirects=False, data={
        "csrf": csrf_for(s), "code": code, "name": "After Name", "kind": "third_sector",
        "core_partner": "no", "active": "yes", "version": version,
        "reason": "Renamed after the merger"})
    assert r.status_code == 303
    before = one(db, "SELECT count(*) FROM audit_event WHERE entity = 'agency' "
                 "AND entity_id = %s AND action = 'view_history'", str(aid))
    r = s.get(URL + "/admin/agencies/%d/history" % aid)
    assert r.status_code == 200
    assert "History of After Name" in r.text
    assert 'href="/admin/agencies/%d"' % aid in r.text
    rows = rows_of(r.text)
    assert len(rows) == 2
    newest, oldest = text(rows[0]), text(rows[1])
    assert "Alex Admin" in newest and "City of London Police" in newest
    assert "Changed" in newest and "Name: Before Name → After Name" in newest
    assert "Renamed after the merger" in newest
    assert re.search(r"\d{1,2} [A-Z][a-z]{2} \d{4} at \d{2}:\d{2}", newest)
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">', rows[0])
    assert "Created" in oldest and "Code: (none) → " + code in oldest
    assert "Core partner: (none) → No" in oldest
    # Looking at the history is itself on the record.
    after = one(db, "SELECT count(*) FROM audit_event WHERE entity = 'agency' "
                "AND entity_id = %s AND action = 'view_history'", str(aid))
    assert after == before + 1
    # ... and shows on the next look.
    assert "Viewed history" in s.get(URL + "/admin/agencies/%d/history" % aid).text


def showing(page):
    m = re.search(r'<p class="govuk-body" id="showing">(.*?)</p>', page)
    return m and m.group(1)


def test_history_is_paged_fifty_at_a_time_newest_first(db):
    aid, _ = make_agency(db, "Paged Agency")
    admin_id = user_id(db, "administrator")
    with db.cursor() as cur:
        for i in range(229):
            cur.execute("INSERT INTO audit_event (actor_id, entity, entity_id, action, "
                        "before, after) VALUES (%s, 'agency', %s, 'update', %s, %s)",
                        (admin_id, str(aid), json.dumps({"name": "n%d" % i}),
                         json.dumps({"name": "n%d" % (i + 1)})))
    s = as_role("administrator")
    first = s.get(URL + "/admin/agencies/%d/history" % aid).text
    rows = rows_of(first)
    assert len(rows) == 50
    assert showing(first) == "Showing 1 to 50 of 230 events"
    assert "n228 → n229" in text(rows[0]) and "n179 → n180" in text(rows[-1])
    assert 'rel="prev"' not in first
    assert '<nav class="govuk-pagination" aria-label="Pages of events">' in first
    assert re.search(r'aria-label="Page 1" aria-current="page">1</a>', first)
    assert 'aria-label="Page 5"' in first and "govuk-pagination__item--ellipses" in first
    second = s.get(URL + html.unescape(
        re.search(r'href="([^"]+)" rel="next"', first).group(1))).text
    # Looking at the first page added an event; the pages stay as they
    # were for this reading, so nothing is shown twice.
    assert showing(second) == "Showing 51 to 100 of 230 events"
    rows2 = rows_of(second)
    assert len(rows2) == 50 and "n178 → n179" in text(rows2[0])
    assert re.search(r'aria-label="Page 2" aria-current="page">2</a>', second)
    last = s.get(URL + html.unescape(
        re.search(r'href="([^"]+)" aria-label="Page 5"', second).group(1))).text
    assert showing(last) == "Showing 201 to 230 of 230 events"
    rows5 = rows_of(last)
    assert len(rows5) == 30 and "Created" in text(rows5[-1])
    assert 'rel="next"' not in last
    back = s.get(URL + html.unescape(
        re.search(r'href="([^"]+)" rel="prev"', last).group(1))).text
    assert showing(back) == "Showing 151 to 200 of 230 events"
    # A page past the end shows the last one.
    beyond = s.get(URL + "/admin/agencies/%d/history?page=99&hide=views" % aid).text
    assert showing(beyond) == "Showing 201 to 230 of 230 events"
    # The filter is kept from page to page.
    assert re.search(r'href="[^"]*hide=views[^"]*" rel="prev"', beyond)


def test_history_shows_labels_and_names_not_codes_and_ids(db):
    officer = as_role("police_officer")
    me = user_id(db, "police_officer")
    police = one(db, "SELECT id FROM agency WHERE code = 'city-police'")
    council = one(db, "SELECT id FROM agency WHERE code = 'city-council'")
    homes = one(db, "SELECT id FROM agency WHERE code = 'hackney-homes'")
    team = one(db, "SELECT id FROM team WHERE code = 'neighbourhood'")
    family = "Hist" + uuid.uuid4().hex[:8]
    incident, ref = one(db, "INSERT INTO incident (reference, channel, asb_type_id, "
                        " owning_agency_id) SELECT 'ASB-' || to_char(now(), 'YYYY') || '-' || "
                        " lpad(nextval('incident_ref_seq')::text, 6, '0'), 'police', t.id, a.id "
                        "FROM asb_type t, agency a WHERE t.code = 'noise' "
                        "AND a.code = 'city-police' RETURNING id, reference")
    person = one(db, "INSERT INTO person (owning_agency_id, given_name, family_name) "
                 "VALUES (%s, 'Iris', %s) RETURNING id", police, family)
    with db.cursor() as cur:
        for entity, eid, action, before, after in (
                ("incident", incident, "status", {"status": "new"},
                 {"status": "in_progress"}),
                ("incident", incident, "update",
                 {"owning_agency_id": police, "shared_with": []},
                 {"owning_agency_id": council, "shared_with": [homes, council],
                  "officer": me, "team_id": team}),
                ("person", person, "view", None, None)):
            cur.execute("INSERT INTO audit_event (actor_id, agency_id, entity, entity_id, "
                        "action, before, after) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                        (me, police, entity, str(eid), action,
                         before and json.dumps(before), after and json.dumps(after)))
    page = officer.get(URL + "/staff/me/history").text
    viewed, changed, status = rows_of(page)[:3]
    assert "Person Iris " + family in text(viewed) and "Viewed" in text(viewed)
    assert 'href="/staff/people/%d"' % person in viewed
    assert "Incident " + ref in text(status)
    assert 'href="/staff/incidents/%s"' % ref in status
    assert "Status changed" in text(status)
    assert "Status: New → In progress" in text(status)
    words = text(changed)
    assert "Owning agency: City of London Police → City of London Corporation" in words
    assert "Shared with: (none) → Hackney Homes, City of London Corporation" in words
    assert "Officer in charge: (none) → PC Olu Officer" in words
    assert "Team: (none) → Neighbourhood Policing Team" in words
    for row in (viewed, changed, status):
        assert "record " not in text(row)
        assert ">%d<" % incident not in row and " %d " % incident not in text(row)


def test_hide_views_leaves_out_looking_and_keeps_changes(db):
    officer = as_role("police_officer")
    me = user_id(db, "police_officer")
    police = one(db, "SELECT id FROM agency WHERE code = 'city-police'")
    with db.cursor() as cur:
        cur.execute("INSERT INTO audit_event (actor_id, agency_id, entity, entity_id, "
                    "action, before, after) VALUES (%s, %s, 'user', %s, 'password_set', "
                    "NULL, NULL)", (me, police, str(me)))
    officer.get(URL + "/staff/me/history")
    everything = officer.get(URL + "/staff/me/history")
    assert 'name="hide" type="checkbox" value="views" aria' in everything.text
    assert "Viewed history" in text(rows_of(everything.text)[0])
    hidden = officer.get(URL + "/staff/me/history?hide=views")
    assert 'value="views" checked' in hidden.text
    shown = [text(r) for r in rows_of(hidden.text)]
    assert shown and "Changed password" in shown[0]
    assert not any(w in r for r in shown for w in ("Viewed", "Searched", "Downloaded",
                                                    "Looked for"))
    # On the team's activity, each of the two filters keeps the other.
    page = as_role("police_supervisor").get(
        URL + "/staff/activity?user=%d&hide=views" % me).text
    assert '<input type="hidden" name="hide" value="views">' in page
    assert '<input type="hidden" name="user" value="%d">' % me in page
    assert "Viewed" not in "".join(text(r) for r in rows_of(page))


def test_user_role_and_team_history_pages(db):
    s = as_role("administrator")
    rid = one(db, "SELECT id FROM role WHERE code = 'analyst'")
    tid = one(db, "SELECT id FROM team WHERE code = 'asb-hub'")
    uid = user_id(db, "police_officer")
    for path in ("/admin/roles/%d/history" % rid, "/admin/teams/%d/history" % tid,
                 "/admin/users/%d/history" % uid):
        r = s.get(URL + path)
        assert r.status_code == 200, path
        assert "govuk-back-link" in r.text


def test_my_history_shows_my_own_events_only(db):
    officer = as_role("police_officer")
    officer.get(URL + "/staff/me/history")
    page = officer.get(URL + "/staff/me/history")
    assert page.status_code == 200
    assert "Your activity" in page.text
    rows = [text(r) for r in rows_of(page.text)]
    assert rows and all("PC Olu Officer" in r for r in rows)
    assert "Viewed history" in rows[0]


def test_team_activity_shows_the_supervisor_s_team_and_no_other(db):
    # Something done by a member of the supervisor's team (neighbourhood) and
    # by someone of another team of the same force (control room).
    as_role("police_officer").get(URL + "/staff/me/history")
    as_role("call_handler").get(URL + "/staff/me/history")
    sup = as_role("police_supervisor")
    r = sup.get(URL + "/staff/activity")
    assert r.status_code == 200
    assert "Activity of Neighbourhood Policing Team" in r.text
    who = {text(row).split(" City of London")[0] for row in rows_of(r.text)}
    assert any("PC Olu Officer" in w for w in who)
    assert not any("Casey Handler" in w for w in who)
    assert "Casey Handler" not in r.text
    # Filtered to one member.
    officer = user_id(db, "police_officer")
    r = sup.get(URL + "/staff/activity?user=%d" % officer)
    rows = [text(row) for row in rows_of(r.text)]
    assert rows and all("PC Olu Officer" in row for row in rows)
    assert re.search(r'<option value="%d" selected>PC Olu Officer</option>' % officer, r.text)
    # Someone outside the team shows nothing, even asked for by id.
    handler = user_id(db, "call_handler")
    r = sup.get(URL + "/staff/activity?user=%d" % handler)
    assert r.status_code == 200 and "Casey Handler" not in r.text
    # The council manager sees their own team, not the police's.
    r = as_role("council_manager").get(URL + "/staff/activity")
    assert "PC Olu Officer" not in r.text
    assert "Activity of Community Safety Team" in r.text
    # Viewing it is on the record.
    assert one(db, "SELECT count(*) FROM audit_event WHERE action = 'view_activity' "
               "AND actor_id = %s", user_id(db, "police_supervisor")) >= 1


def test_team_activity_is_for_supervisors_and_managers_only():
    for role in ("police_officer", "call_handler", "analyst"):
        assert as_role(role).get(URL + "/staff/activity").status_code == 403
