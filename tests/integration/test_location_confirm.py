"""Location to confirm: a report with an address and no point waits in the
force's triage queue marked "location to confirm"; setting its point on
the incident's page (POST /staff/incidents/{ref}/location, incident.update)
gives it the beat and council area of the point and allocates it by them
(the location-to-confirm allocation ends, with the reason; the
neighbourhood and council teams' begin), with an audit row and a
queue_event for its timeline, in one transaction. A point that is blank,
not a point, or outside the partnership is refused with an error summary
and nothing changes; so is a role without incident.update."""
import re
import uuid

import pytest

from staff import as_role, csrf_of
from stack import URL
from test_open311 import api_key, json_of, no_rate_count, post, vehicle  # noqa: F401

# In a City beat and the City's council area, and more than the 150 m
# within which a report joins an incident from every point other tests
# report at: the incidents placed here must not take their reports.
PLACE = ("-0.0800", "51.5120")
HACKNEY = ("-0.0553", "51.5450")    # outside the partnership
OFFICER = "police_officer"


def address_only(api_key):  # noqa: F811
    data = vehicle(api_key, 0, address_string=uuid.uuid4().hex[:6] + " Golden Lane Estate",
                   description="Left there " + uuid.uuid4().hex)
    del data["lat"], data["long"]
    return json_of(post(data))[0]["service_request_id"]


def state(db, ref):
    """What setting the point changes: the incident's point, beat, area
    and version, and its allocations (kind, team, location to confirm,
    ended, ended reason), oldest first."""
    with db.cursor() as c:
        c.execute("SELECT id, ST_X(location), ST_Y(location), beat_id, la_area_id, version "
                  "FROM incident WHERE reference = %s", (ref,))
        iid, *incident = c.fetchone()
        c.execute("SELECT kind, team_id, location_to_confirm, ended_at IS NOT NULL, "
                  "ended_reason FROM incident_allocation WHERE incident_id = %s "
                  "ORDER BY id", (iid,))
        return iid, tuple(incident), c.fetchall()


def page(session, ref):
    r = session.get(f"{URL}/staff/incidents/{ref}")
    assert r.status_code == 200, r.text[:500]
    return r.text


def form_of(html):
    m = re.search(r'<form method="post" action="/staff/incidents/[^"]+/location".*?</form>',
                  html, re.S)
    return m and m.group(0)


def set_point(session, ref, lon, lat, version=None):
    html = page(session, ref)
    form = form_of(html)
    assert form, "no Set the location form"
    data = {"csrf": csrf_of(form), "lon": lon, "lat": lat,
            "version": version or re.search(r'name="version" value="(\d+)"', form).group(1),
            "seen": re.search(r'name="seen" value="([^"]*)"', form).group(1)}
    return session.post(f"{URL}/staff/incidents/{ref}/location", data=data,
                        allow_redirects=False)


def test_an_address_alone_waits_in_the_triage_queue_to_confirm(db, api_key):  # noqa: F811
    ref = address_only(api_key)
    _, (x, y, beat, area, _), allocs = state(db, ref)
    assert (x, y, beat, area) == (None, None, None, None)
    triage = [a for a in allocs if a[0] == "triage"]
    assert len(triage) == 1 and triage[0][2] is True and triage[0][3] is False
    html = page(as_role(OFFICER), ref)
    assert 'id="location-to-confirm">Location to confirm<' in html
    assert "Set the location" in form_of(html)


def test_setting_the_point_allocates_it_by_the_point(db, api_key):  # noqa: F811
    ref = address_only(api_key)
    iid, before, allocs_before = state(db, ref)
    r = set_point(as_role(OFFICER), ref, *PLACE)
    assert r.status_code == 303 and r.headers["Location"] == f"/staff/incidents/{ref}", \
        (r.status_code, r.text[:2000])
    _, (x, y, beat, area, version), allocs = state(db, ref)
    assert (round(x, 4), round(y, 4)) == (float(PLACE[0]), float(PLACE[1]))
    assert beat is not None and area is not None and version == before[4] + 1
    with db.cursor() as c:
        c.execute("SELECT b.name, b.code, l.name, l.code FROM beat b, la_area l "
                  "WHERE b.id = %s AND l.id = %s", (beat, area))
        beat_name, beat_code, area_name, area_code = c.fetchone()
    words = (f"Location set: 51.51200, -0.08000, in beat {beat_name} ({beat_code}) "
             f"and council area {area_name} ({area_code})")

    # The location-to-confirm allocation ended, saying why; the others stay;
    # the neighbourhood and council teams' begin.
    [triage] = [a for a in allocs if a[0] == "triage"]
    assert triage[3] is True and triage[4] == words
    kept = [a for a in allocs_before if not a[2]]
    assert all(a in allocs for a in kept)
    current = {a[0] for a in allocs if not a[3]}
    assert {"neighbourhood", "council"} <= current and "triage" not in current
    with db.cursor() as c:
        c.execute("SELECT b.team_id, l.team_id FROM beat b, la_area l "
                  "WHERE b.id = %s AND l.id = %s", (beat, area))
        teams = c.fetchone()
        assert {a[1] for a in allocs if not a[3] and a[0] in ("neighbourhood", "council")} \
            == set(teams)
        c.execute("SELECT action, reason, after->>'beat', after->>'council_area' "
                  "FROM audit_event WHERE entity = 'incident' AND entity_id = %s "
                  "AND action IN ('locate', 'allocate') ORDER BY id", (str(iid),))
        audit = c.fetchall()
        assert ("locate", words, beat_code, area_code) in audit
        assert audit[-1][0] == "allocate" and audit[-1][1] == words
        c.execute("SELECT kind, reason, user_id IS NOT NULL, team_id FROM queue_event "
                  "WHERE incident_id = %s ORDER BY id", (iid,))
        events = c.fetchall()
        assert ("location_set", words, True, triage[1]) in events
        # Every allocation, old and new, is on the timeline.
        assert [e[0] for e in events].count("allocated") == len(allocs)

    html = page(as_role(OFFICER), ref)
    assert "Marked on the map at 51.51200, -0.08000" in html
    assert 'id="location-to-confirm"' not in html and form_of(html) is None
    assert "Location set." in html   # the flash


@pytest.mark.parametrize("lon, lat, words", [
    ("", "", "Enter the latitude and longitude of the place, or choose it on the map"),
    ("west", "51.5", "The place given is not a point on the map"),
    ("-0.09", "95", "The place given is not a point on the map"),
    ("-0.09", "", "The place given is not a point on the map"),
    (*HACKNEY, "This location is outside the area the partnership covers"),
])
def test_a_bad_point_is_refused_and_nothing_changes(db, api_key, lon, lat, words):  # noqa: F811
    ref = address_only(api_key)
    before = state(db, ref)
    r = set_point(as_role(OFFICER), ref, lon, lat)
    assert r.status_code == 400, r.text[:1000]
    summary = re.search(r'<div class="govuk-error-summary".*?</div>\s*</div>', r.text, re.S)
    assert summary and words in summary.group(0) and 'href="#lat"' in summary.group(0)
    assert re.search(r'id="lat-error"[^>]*>.*?' + re.escape(words), r.text, re.S)
    # What was typed is kept.
    form = form_of(r.text)
    assert f'name="lat" type="text" inputmode="decimal" spellcheck="false" value="{lat}"' in form
    assert f'name="lon" type="text" inputmode="decimal" spellcheck="false" value="{lon}"' in form
    assert state(db, ref) == before


def test_a_stale_form_is_refused_and_nothing_changes(db, api_key):  # noqa: F811
    ref = address_only(api_key)
    before = state(db, ref)
    r = set_point(as_role(OFFICER), ref, *PLACE, version=str(before[1][4] - 1))
    assert r.status_code == 409, r.text[:1000]
    assert "changed by someone else" in r.text
    assert state(db, ref) == before


def test_a_role_without_incident_update_may_not_set_it(db, api_key):  # noqa: F811
    ref = address_only(api_key)
    before = state(db, ref)
    s = as_role("analyst")
    r = s.post(f"{URL}/staff/incidents/{ref}/location",
               data={"csrf": csrf_of(s.get(URL + "/staff").text), "lon": PLACE[0],
                     "lat": PLACE[1], "version": str(before[1][4]), "seen": ""},
               allow_redirects=False)
    assert r.status_code == 403, r.text[:500]
    assert state(db, ref) == before
