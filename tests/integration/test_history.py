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


def test_history_is_paged_fifty_at_a_time_newest_first(db):
    aid, _ = make_agency(db, "Paged Agency")
    admin_id = user_id(db, "administrator")
    with db.cursor() as cur:
        for i in range(60):
            cur.execute("INSERT INTO audit_event (actor_id, entity, entity_id, action, "
                        "before, after) VALUES (%s, 'agency', %s, 'update', %s, %s)",
                        (admin_id, str(aid), json.dumps({"name": "n%d" % i}),
                         json.dumps({"name": "n%d" % (i + 1)})))
    s = as_role("administrator")
    first = s.get(URL + "/admin/agencies/%d/history" % aid).text
    rows = rows_of(first)
    assert len(rows) == 50
    assert "n59 → n60" in text(rows[0])
    assert "Newer" not in first
    older = re.search(r'href="([^"]+)" rel="next"', first).group(1)
    second = s.get(URL + html.unescape(older)).text
    rows2 = rows_of(second)
    # 61 events were there (the creation and 60 changes) plus the first look.
    assert len(rows2) == 11
    assert "n9 → n10" in text(rows2[0]) and "Created" in text(rows2[-1])
    assert "Older" not in second.split("</table>")[1]
    newer = re.search(r'href="([^"]+)" rel="prev"', second).group(1)
    back = rows_of(s.get(URL + html.unescape(newer)).text)
    assert len(back) == 50 and "n10 → n11" in text(back[-1])


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
