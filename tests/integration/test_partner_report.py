"""The partner route of the reporting form: a signed-in partner reporter
walks the public form with one step of their own (their organisation's
reference, the tenancy reference, whether the people involved are their
tenants) instead of "About you"; the report is their agency's, shared with
the partnership, and they follow it in their organisation's list. Members
of the public never get that step."""
import base64
import hashlib
import os
import re
import uuid

import pytest
import requests

from stack import backdate, URL
from staff import as_role, csrf_of, demo_user, sign_in

from test_report_form import (errors_of, get, no_rate_limit, post, step, to_when,  # noqa: F401
                              upload)

WHEN = {"when": "once", "occurred-day": "3", "occurred-month": "11",
        "occurred-year": "2026", "occurred-time": "22:15"}
WHERE = {"address-line-1": "Middlesex Street Estate", "address-town": "London",
         "address-postcode": "e1 7aa", "lon": "", "lat": ""}
IMPACT = {"impact": "Residents are afraid to use the stairs.", "feels-unsafe": "yes",
          "vulnerable": "yes", "targeted": "no", "happened-before": "yes"}
PARTNER = {"partner-reference": "HH/ASB/2026-0417", "tenancy-reference": "T-88213",
           "affected": "yes", "affected-who": "The family at flat 12",
           "responsible": "unknown", "responsible-who": ""}


def to_impact(s, where=WHERE):
    """Vandalism (one required question, four optional), then when and
    where; returns where the impact step sends the browser."""
    get(s, "/report")
    get(s, "/report/type")
    step(s, "/report/type", {"type": "vandalism"})
    nxt = step(s, "/report/questions/1", {"answer": "graffiti"})
    while nxt != "/report/description":
        nxt = step(s, nxt, {})
    to_when(s, nxt, IMPACT)
    assert step(s, "/report/when", WHEN) == "/report/where"
    assert step(s, "/report/where", where) == "/report/impact"
    return step(s, "/report/impact", IMPACT)


def past_evidence(s, nxt, back="/report/partner"):
    """The evidence step (tested in test_report_evidence.py), sent with no
    file; its Back link is the partner step. Returns where it leads."""
    assert nxt == "/report/evidence"
    page = get(s, nxt).text
    assert '<a href="%s" class="govuk-back-link">' % back in page
    return upload(s).headers["Location"]


def submit(s):
    check = get(s, "/report/check")
    key = re.search(r'name="idempotency-key" value="([0-9a-f]+)"', check.text).group(1)
    r = s.post(URL + "/report/submit", data={
        "csrf": csrf_of(check.text), "idempotency-key": key}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/report/done", \
        (r.status_code, r.text[:800])
    page = get(s, "/report/done")
    ref = re.search(r'id="reference">(ASB-\d{4}-\d{6,})<', page.text).group(1)
    link = re.search(r'href="https?://[^/"]+(/track/[^"?]+\?t=[0-9a-f]{64})"', page.text)
    return ref, link.group(1) if link else None


def new_form(role):
    """A signed-in session for the role (shared with other tests: each
    sign-in spends a TOTP code) starting a new form: the draft lives in a
    cookie of its own, which is dropped."""
    s = as_role(role)
    for c in [c for c in s.cookies if c.name == "concord_draft"]:
        s.cookies.clear(c.domain, c.path, c.name)
    return s


def partner_session():
    return new_form("partner_reporter")


def scrypt_hash(password):
    salt = os.urandom(16)
    h = hashlib.scrypt(password.encode(), salt=salt, n=2 ** 14, r=8, p=1, dklen=32)
    b64 = lambda b: base64.b64encode(b).decode().rstrip("=")
    return "$scrypt$ln=14,r=8,p=1$%s$%s" % (b64(salt), b64(h))


@pytest.fixture(scope="module")
def sent():
    """One report sent by the housing provider's reporter, through the pages."""
    s = partner_session()
    assert to_impact(s) == "/report/partner"
    assert past_evidence(s, step(s, "/report/partner", PARTNER)) == "/report/check"
    ref, track = submit(s)
    return {"session": s, "ref": ref, "track": track}


# ---------------------------------------------------------------------------
# The form

def test_partner_gets_their_step_instead_of_about_you_and_errors_keep_answers():
    s = partner_session()
    assert to_impact(s) == "/report/partner"
    page = get(s, "/report/partner").text
    assert "Your organisation&#39;s details" in page or "Your organisation's details" in page
    assert "Hackney Homes" in page
    assert 'href="/report/impact"' in page          # Back goes to the impact step
    r = post(s, "/report/partner", {"partner-reference": "HH<script>",
                                    "tenancy-reference": "x" * 101}, status=400)
    fields = [f for f, _ in errors_of(r.text)]
    assert fields == ["partner-reference", "tenancy-reference", "affected", "responsible"]
    assert "must only include letters, numbers" in r.text
    assert "100 characters or fewer" in r.text
    assert "Select whether the people affected are your tenants or residents" in r.text
    assert "Select whether the people responsible are your tenants or residents" in r.text
    # What was typed is still there, escaped.
    assert 'value="HH&lt;script&gt;"' in r.text
    assert 'value="' + "x" * 101 + '"' in r.text
    # The check page is not reachable before the step is done.
    assert get(s, "/report/check", status=303).headers["Location"] == "/report/partner"
    assert past_evidence(s, step(s, "/report/partner", {
        "partner-reference": "", "tenancy-reference": "", "affected": "unknown",
        "responsible": "yes", "responsible-who": "The tenant at flat 14"})) == "/report/check"
    check = get(s, "/report/check").text
    assert "About you" not in check
    assert "Reported by Rita Reporter for Hackney Homes" in check
    # In the order they were asked: the partner step, then the evidence.
    assert check.index("Your organisation's details") < \
        check.index("Photos, recordings and documents")
    assert check.count('href="/report/partner?change=1"') == 4
    assert "Yes: The tenant at flat 14" in check
    assert "Don&#39;t know" in check or "Don't know" in check
    # Change mode comes back to the check page, with the answers kept.
    page = get(s, "/report/partner?change=1").text
    assert 'name="change" value="1"' in page and 'value="unknown" checked' in page
    assert step(s, "/report/partner", {"change": "1", "partner-reference": "HH-1",
                                       "tenancy-reference": "", "affected": "no",
                                       "responsible": "no"}) \
        == "/report/check"
    assert "HH-1" in get(s, "/report/check").text


def test_the_report_is_the_partner_agencys_and_shared_with_the_partnership(sent, db):
    with db.cursor() as cur:
        cur.execute(
            "SELECT r.channel, a.code, r.sharing, r.partner, r.reporter_id, u.email, "
            "i.channel, ia.code, i.sharing, i.reference "
            "FROM report r JOIN agency a ON a.id = r.owning_agency_id "
            "JOIN app_user u ON u.id = r.created_by "
            "JOIN incident i ON i.id = r.incident_id "
            "JOIN agency ia ON ia.id = i.owning_agency_id WHERE r.reference = %s",
            (sent["ref"],))
        row = cur.fetchone()
    assert row[:6] == ("partner", "hackney-homes", "partnership",
                       {"reference": "HH/ASB/2026-0417", "tenancy_reference": "T-88213",
                        "involves_tenants": True,
                        "affected": {"tenant": True, "who": "The family at flat 12"},
                        "responsible": {"tenant": None, "who": ""}},
                       None, "reporter@housing.example")
    assert row[6:9] == ("partner", "hackney-homes", "partnership")
    assert row[9] == sent["ref"]


def test_the_audit_rows_name_the_partner_user(sent, db):
    with db.cursor() as cur:
        cur.execute(
            "SELECT e.entity, e.action, u.email, a.code FROM audit_event e "
            "JOIN app_user u ON u.id = e.actor_id JOIN agency a ON a.id = e.agency_id "
            "WHERE e.after->>'reference' = %s ORDER BY e.id", (sent["ref"],))
        rows = cur.fetchall()
    assert rows == [("report", "create", "reporter@housing.example", "hackney-homes"),
                    ("incident", "create", "reporter@housing.example", "hackney-homes")]


def test_confirmation_gives_a_tracking_link_that_works(sent, http):
    assert sent["track"] is not None
    page = http.get(URL + sent["track"])
    assert page.status_code == 200 and sent["ref"] in page.text


@pytest.mark.parametrize("role", ["police_officer", "council_officer"])
def test_the_partnership_sees_it_in_new_reports(sent, role):
    page = get(as_role(role), "/staff/reports").text
    assert sent["ref"] in page


def test_the_incident_page_says_who_sent_it_and_their_references(sent):
    page = get(as_role("police_officer"), "/staff/incidents/" + sent["ref"]).text
    partner = demo_user("partner_reporter")
    assert re.search(r"Reported by</dt><dd[^>]*>" + re.escape(partner["name"]) +
                     r", [^<]+</dd>", page), page
    assert PARTNER["partner-reference"] in page and PARTNER["tenancy-reference"] in page
    assert "Anonymous, or not shared" not in page


def test_the_partners_list_shows_it_with_status_and_their_reference(sent, db):
    s = sent["session"]
    home = get(s, "/staff").text
    assert 'href="/staff/partner-reports"' in home and 'href="/report"' in home
    page = get(s, "/staff/partner-reports").text
    row = re.search(r'<tr class="govuk-table__row">\s*<td[^>]*><a class="govuk-link" '
                    r'href="/staff/incidents/%s">%s</a>.*?</tr>' % (sent["ref"], sent["ref"]),
                    page, re.S)
    assert row, page[:3000]
    assert "HH/ASB/2026-0417" in row.group(0) and "T-88213" in row.group(0)
    assert "Received, not yet looked at" in row.group(0)
    assert "Criminal damage" in row.group(0) or "andalism" in row.group(0)
    # Only partner reports of their own agency: none of the demo incidents
    # the council shared with them by name.
    assert "Petticoat Square" not in page
    with db.cursor() as cur:
        cur.execute("UPDATE incident SET status = 'in_progress' WHERE reference = %s",
                    (sent["ref"],))
    row = re.search(r'%s</a>.*?</tr>' % sent["ref"],
                    get(s, "/staff/partner-reports").text, re.S).group(0)
    assert "Being dealt with" in row
    # Each line leads to the report's incident, which is theirs to see.
    assert sent["ref"] in get(s, "/staff/incidents/" + sent["ref"]).text


def test_the_list_is_paged_newest_first(sent, db):
    # 30 older partner reports of the same agency, made by hand.
    tag = uuid.uuid4().int % 10 ** 6
    older = ["ASB-1999-%06d%02d" % (tag, n) for n in range(30)]
    with db.cursor() as cur:
        cur.execute(
            "INSERT INTO report (reference, incident_id, channel, tracking_hash, partner, "
            "owning_agency_id, created_at) SELECT ref, r.incident_id, 'partner', "
            "repeat('0', 64), '{\"reference\": \"OLD\"}', r.owning_agency_id, "
            "now() - interval '1 day' * (1 + ord) "
            "FROM report r, unnest(%s::text[]) WITH ORDINALITY AS o(ref, ord) "
            "WHERE r.reference = %s", (older, sent["ref"]))
    s = sent["session"]
    # Walk the pages as a person would, following "Older".
    listed, page, n = [], get(s, "/staff/partner-reports").text, 1
    assert "Newer" not in page
    while True:
        rows = re.findall(r'href="/staff/incidents/[^"]+">(ASB-[0-9-]+)</a>', page)
        assert 0 < len(rows) <= 25
        listed += rows
        if 'href="/staff/partner-reports?page=%d"' % (n + 1) not in page:
            break
        assert len(rows) == 25
        n += 1
        page = get(s, "/staff/partner-reports?page=%d" % n).text
        assert 'href="/staff/partner-reports?page=%d"' % (n - 1) in page
    with db.cursor() as cur:
        cur.execute("SELECT r.reference FROM report r JOIN agency a ON a.id = "
                    "r.owning_agency_id WHERE a.code = 'hackney-homes' AND "
                    "r.channel = 'partner' ORDER BY r.created_at DESC, r.id DESC")
        assert listed == [row[0] for row in cur.fetchall()]
    assert n >= 2 and listed[0] == sent["ref"]
    assert listed.index(older[0]) < listed.index(older[1]) < listed.index(older[-1])
    # A page that is not a number is the first page.
    assert sent["ref"] in get(s, "/staff/partner-reports?page=x").text


def test_another_partner_agency_sees_none_of_it(sent, db):
    tag = uuid.uuid4().hex[:8]
    email = "reporter.%s@homes.example" % tag
    password = "another partner's password"
    secret = base64.b32encode(os.urandom(20)).decode()
    with db.cursor() as cur:
        cur.execute("INSERT INTO agency (code, name, kind) VALUES (%s, %s, "
                    "'housing_provider') RETURNING id",
                    ("homes-" + tag, "Other Homes " + tag))
        agency = cur.fetchone()[0]
        cur.execute("INSERT INTO app_user (agency_id, email, name, password_hash, "
                    "totp_secret) VALUES (%s, %s, 'Other Reporter', %s, %s) RETURNING id",
                    (agency, email, scrypt_hash(password), secret))
        uid = cur.fetchone()[0]
        cur.execute("INSERT INTO user_role (user_id, role_id, agency_id) SELECT %s, id, %s "
                    "FROM role WHERE code = 'partner_reporter'", (uid, agency))
    other = sign_in(email, password, secret)
    page = get(other, "/staff/partner-reports").text
    assert "Other Homes " + tag in page
    assert sent["ref"] not in page and "has not sent any reports yet" in page
    assert sent["ref"] not in get(other, "/staff/reports").text
    assert other.get(URL + "/staff/incidents/" + sent["ref"],
                     allow_redirects=False).status_code == 404


def test_an_office_full_of_partners_is_not_held_to_the_public_rate_limit(rds, db):
    # As if the public had sent many reports from this address this hour.
    rds.set("concord:ratelimit:report:127.0.0.1", 1000, ex=600)
    s = partner_session()
    assert to_impact(s) == "/report/partner"
    assert past_evidence(s, step(s, "/report/partner", PARTNER)) == "/report/check"
    ref, _ = submit(s)
    with db.cursor() as cur:
        cur.execute("SELECT channel FROM report WHERE reference = %s", (ref,))
        assert cur.fetchone() == ("partner",)
    # The public from the same address still is.
    public = requests.Session()
    assert to_impact(public) == "/report/about-you"
    assert past_evidence(public, step(public, "/report/about-you", {
        "identity": "anonymous", "for-someone-else": "no", "share": "yes",
        "website": ""}), back="/report/about-you") == "/report/check"
    check = get(public, "/report/check")
    key = re.search(r'name="idempotency-key" value="([0-9a-f]+)"', check.text).group(1)
    r = public.post(URL + "/report/submit", data={"csrf": csrf_of(check.text),
                    "idempotency-key": key}, allow_redirects=False)
    assert r.status_code == 429


ST_PAULS = ("-0.0984000", "51.5138000")
NEAR_ST_PAULS = ("-0.0980000", "51.5140000")     # about 40 m away


def test_a_partners_report_joins_only_their_own_agencys_incident(db):
    """Reports of the same thing join one incident; a partner's report
    joins one of their own agency's, never another agency's (it would then
    be that agency's, and vanish from the partner's list)."""
    with db.cursor() as cur:
        backdate(cur, "UPDATE incident SET reported_at = reported_at - interval '1 day' "
                    "WHERE status <> 'closed' AND reported_at > now() - interval '1 day' "
                    "AND ST_DWithin(location::geography, "
                    "ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, 1000)",
                    (float(ST_PAULS[0]), float(ST_PAULS[1])))

    def incident_of(ref):
        with db.cursor() as cur:
            cur.execute("SELECT i.reference, a.code FROM report r JOIN incident i ON "
                        "i.id = r.incident_id JOIN agency a ON a.id = i.owning_agency_id "
                        "WHERE r.reference = %s", (ref,))
            return cur.fetchone()

    public = requests.Session()
    assert to_impact(public, dict(WHERE, lon=ST_PAULS[0], lat=ST_PAULS[1])) == \
        "/report/about-you"
    assert past_evidence(public, step(public, "/report/about-you", {
        "identity": "anonymous", "for-someone-else": "no", "share": "yes",
        "website": ""}), back="/report/about-you") == "/report/check"
    public_ref, _ = submit(public)
    assert incident_of(public_ref)[1] != "hackney-homes"
    refs = []
    for point in (NEAR_ST_PAULS, ST_PAULS):
        s = partner_session()
        assert to_impact(s, dict(WHERE, lon=point[0], lat=point[1])) == "/report/partner"
        assert past_evidence(s, step(s, "/report/partner", PARTNER)) == "/report/check"
        refs.append(submit(s)[0])
    # The first is a new incident of their own; the second joins it.
    assert incident_of(refs[0]) == (refs[0], "hackney-homes")
    assert incident_of(refs[1]) == (refs[0], "hackney-homes")
    page = get(partner_session(), "/staff/partner-reports").text
    assert refs[0] in page and refs[1] in page and "Further report of " + refs[0] in page


# ---------------------------------------------------------------------------
# Everyone else

def test_the_public_never_gets_the_partner_step(http, db):
    assert to_impact(http) == "/report/about-you"
    assert http.get(URL + "/report/partner", allow_redirects=False).status_code == 401
    r = http.post(URL + "/report/partner", data={"affected": "yes"}, allow_redirects=False)
    assert r.status_code == 401
    page = get(http, "/report/about-you").text
    assert 'href="/report/impact"' in page


def test_signed_in_staff_without_the_permission_report_as_the_public():
    s = new_form("police_officer")
    assert to_impact(s) == "/report/about-you"
    r = s.get(URL + "/report/partner", allow_redirects=False)
    assert r.status_code == 403
    assert get(s, "/report/check", status=303).headers["Location"] == "/report/about-you"


def test_a_draft_carried_out_of_the_partners_session_is_a_public_one():
    s = partner_session()
    assert to_impact(s) == "/report/partner"
    assert past_evidence(s, step(s, "/report/partner", PARTNER)) == "/report/check"
    # The same browser after signing out: the draft is kept, but a member of
    # the public answers "About you" and gets no partner step.
    public = requests.Session()
    for c in s.cookies:
        if c.name == "concord_draft":
            public.cookies.set(c.name, c.value, domain=c.domain, path=c.path)
    assert get(public, "/report/check", status=303).headers["Location"] == \
        "/report/about-you"
    assert 'href="/report/impact"' in get(public, "/report/about-you").text
