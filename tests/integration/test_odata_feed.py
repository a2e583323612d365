"""The OData v4 feed at /odata/v4/ (api/odata_*.c), read as Power BI's and
Excel's Power Query reads it (tests/integration/odata.py): the service
document, $metadata valid against the OASIS EDMX schema, every page of a full
refresh (the total equals /$count, no row twice), one OData-Version header,
gzip; filters whose rows are checked against the same rows filtered here in
Python; errors as OData errors (400 for what does not parse, 501 for what is
not supported, never 500); analysts' keys, their scopes, and the analyst's
own row security."""
import datetime
import gzip
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
import requests

from odata import ALL_VIEWS, PowerQuery, add_key, basic, new_analyst
from stack import URL, VAR, backdate, ctl, shared_data, wait_for
from staff import as_role, csrf_for
from test_flags import add_incident, add_person, admin, involve

EDM = "{http://docs.oasis-open.org/odata/ns/edm}"
EDM_TYPES = {"bigint": "Edm.Int64", "integer": "Edm.Int32", "smallint": "Edm.Int32",
             "boolean": "Edm.Boolean", "date": "Edm.Date", "double precision": "Edm.Double",
             "numeric": "Edm.Decimal", "text": "Edm.String",
             "timestamp with time zone": "Edm.DateTimeOffset"}


@pytest.fixture(scope="module")
def analyst():
    """A council analyst with a key to every view, and a police one."""
    council = new_analyst("city-council")
    police = new_analyst("city-police")
    return {"council": (council, add_key(council)[1]), "police": (police, add_key(police)[1])}


def pq(analyst, who="council"):
    return PowerQuery(*analyst[who])


def incidents_at(times, agency="city-police", sharing="partnership"):
    """Incidents reported at the given UTC datetimes; their ids."""
    ids = []
    with admin() as conn, conn.cursor() as cur:
        for t in times:
            iid = add_incident(agency=agency, sharing=sharing)[0]
            backdate(cur, "UPDATE incident SET reported_at = %s WHERE id = %s", (t, iid))
            ids.append(iid)
    return ids


def one_header(r, name):
    values = r.raw.headers.getlist(name)
    assert len(values) == 1, (name, values)
    return values[0]


# ---------------------------------------------------------------------------
# what Power Query does first: the service document, $metadata, a preview


def test_power_query_reads_the_service_document_and_metadata(analyst):
    c = pq(analyst)
    r = c.service()
    assert one_header(r, "OData-Version") == "4.0"
    ctype = [p.strip() for p in r.headers["Content-Type"].split(";")]
    assert ctype[0] == "application/json" and "odata.metadata=minimal" in ctype
    doc = r.json()
    assert doc["@odata.context"] == URL + "/odata/v4/$metadata"
    sets = {v["name"]: v for v in doc["value"]}
    assert len(sets) == len(ALL_VIEWS) and all(v["kind"] == "EntitySet" for v in sets.values())

    r = c.get("$metadata", headers={"Accept": "application/xml"})
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/xml"
    assert one_header(r, "OData-Version") == "4.0"
    path = os.path.join(VAR, "metadata-under-test.xml")
    with open(path, "wb") as f:
        f.write(r.content)
    xsd = shared_data("odata", "csdl", "edmx.xsd")
    v = subprocess.run(["xmllint", "--noout", "--schema", xsd, path], capture_output=True,
                       text=True)
    assert v.returncode == 0, v.stderr

    root = ET.fromstring(r.content)
    container = root.find(f".//{EDM}EntityContainer")
    in_metadata = {s.get("Name"): s.get("EntityType") for s in container.findall(f"{EDM}EntitySet")}
    assert set(in_metadata) == set(sets)
    terms = {a.get("Term") for a in container.iter(f"{EDM}Annotation")}
    for t in ("Capabilities.ConformanceLevel", "Capabilities.CountRestrictions",
              "Capabilities.ExpandRestrictions", "Capabilities.FilterFunctions",
              "Capabilities.TopSupported", "Capabilities.SkipSupported"):
        assert t in terms, t
    level = [a for a in container.findall(f"{EDM}Annotation")
             if a.get("Term") == "Capabilities.ConformanceLevel"][0]
    assert level.get("EnumMember").endswith("/Intermediate")


def test_every_entity_type_is_its_view_column_by_column(analyst):
    """The feed's whitelist (odata/entities.c) is the views: same columns,
    same order, the Edm type of the column's type, each described."""
    r = pq(analyst).get("$metadata")
    root = ET.fromstring(r.content)
    types = {t.get("Name"): t for t in root.iter(f"{EDM}EntityType")}
    sets = {s.get("Name"): s.get("EntityType").split(".")[-1]
            for s in root.iter(f"{EDM}EntitySet")}
    with admin() as conn, conn.cursor() as cur:
        for view in ALL_VIEWS:
            cur.execute("SELECT a.attname, format_type(a.atttypid, a.atttypmod) "
                        "FROM pg_attribute a WHERE a.attrelid = %s::regclass AND "
                        "a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", (view,))
            cols = cur.fetchall()
            matching = [s for s, t in sets.items()
                        if [p.get("Name") for p in types[t].findall(f"{EDM}Property")]
                        == [c[0] for c in cols]]
            assert len(matching) == 1, view
            props = types[sets[matching[0]]].findall(f"{EDM}Property")
            for p, (name, typ) in zip(props, cols):
                assert p.get("Type") == EDM_TYPES[typ], (view, name)
                doc = [a for a in p.findall(f"{EDM}Annotation")
                       if a.get("Term") == "Core.Description"]
                assert doc and doc[0].get("String"), (view, name)
            key = types[sets[matching[0]]].find(f"{EDM}Key/{EDM}PropertyRef").get("Name")
            assert key == "id"


def test_the_preview_is_a_thousand_rows_at_most_and_values_are_typed(analyst):
    incidents_at([datetime.datetime(2026, 7, 1, 9, 30, tzinfo=datetime.timezone.utc)])
    rows = pq(analyst).preview("Incidents")
    assert 0 < len(rows) <= 1000
    row = rows[0]
    assert isinstance(row["id"], int) and isinstance(row["vulnerable"], bool)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", row["reported_date"])
    # Edm.DateTimeOffset always carries its offset.
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)",
                        row["reported_at"])
    assert row["latitude"] is None or isinstance(row["latitude"], float)


# ---------------------------------------------------------------------------
# a full refresh


def test_a_full_refresh_follows_every_next_link_to_the_count(analyst):
    incidents_at([datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone.utc)
                  + datetime.timedelta(hours=h) for h in range(23)])
    c = pq(analyst)
    total = int(c.get("Incidents/$count").text)
    assert total >= 23
    rows, responses = c.refresh("Incidents", pagesize=7)
    assert len(rows) == total
    ids = [r["id"] for r in rows]
    assert ids == sorted(set(ids)), "a row twice, or out of key order"
    assert len(responses) == -(-total // 7)
    for r in responses:
        assert one_header(r, "OData-Version") == "4.0"
        assert one_header(r, "Preference-Applied") == "odata.maxpagesize=7"
    for r in responses[:-1]:
        link = r.json()["@odata.nextLink"]
        assert link.startswith(URL + "/odata/v4/Incidents?") and "$skiptoken=" in link
    assert "@odata.nextLink" not in responses[-1].json()
    # $count=true on every page, the same total.
    _, counted = c.refresh("Incidents", "$count=true", pagesize=50)
    assert {r.json()["@odata.count"] for r in counted} == {total}


def test_pages_are_gzipped_when_asked(analyst):
    c = pq(analyst)
    r = c.get("Incidents", stream=True)
    assert r.headers.get("Content-Encoding") == "gzip"
    body = json.loads(gzip.decompress(r.raw.read()))
    assert body["value"]
    plain = requests.get(c.base + "Incidents", auth=c.s.auth,
                         headers={"Accept-Encoding": "identity"}, timeout=60)
    assert "Content-Encoding" not in plain.headers and plain.json() == body


def test_an_ordered_filtered_refresh_pages_by_the_order_and_the_key(analyst):
    base = datetime.datetime(2026, 5, 3, 8, tzinfo=datetime.timezone.utc)
    ids = incidents_at([base + datetime.timedelta(minutes=m) for m in (5, 5, 5, 1, 9, 9, 3)])
    with admin() as conn, conn.cursor() as cur:
        cur.execute("UPDATE incident SET closed_at = reported_at + interval '1 day', "
                    "status = 'closed' WHERE id = ANY(%s)", (ids[:3],))
    c = pq(analyst)
    q = ("$filter=id in (" + ",".join(map(str, ids)) + ")"
         "&$select=id,reported_at,closed_at&$orderby=reported_at desc,closed_at")
    rows, responses = c.refresh("Incidents", q, pagesize=2)
    assert len(responses) == 4
    assert sorted(r["id"] for r in rows) == sorted(ids)
    assert all(set(r) == {"id", "reported_at", "closed_at"} for r in rows)
    # reported_at descending, then closed_at ascending with nulls first, then the key
    def key(r):
        t = datetime.datetime.fromisoformat(r["reported_at"].replace("Z", "+00:00"))
        return (-t.timestamp(), r["closed_at"] is not None, r["closed_at"] or "", r["id"])
    assert rows == sorted(rows, key=key)
    assert responses[0].json()["@odata.context"] == \
        URL + "/odata/v4/$metadata#Incidents(id,reported_at,closed_at)"
    # $top and $skip across pages: the client's window of the same order.
    window, _ = c.refresh("Incidents", q + "&$skip=1&$top=4", pagesize=3)
    assert window == rows[1:5]


# ---------------------------------------------------------------------------
# filters, against the same rows filtered here


def test_filters_give_the_rows_python_gives(analyst):
    utc = datetime.timezone.utc
    times = [datetime.datetime(2026, 3, 28, 23, 30, tzinfo=utc),   # London: 28th, GMT
             datetime.datetime(2026, 3, 29, 0, 30, tzinfo=utc),    # London: 29th, BST
             datetime.datetime(2026, 8, 14, 22, 59, tzinfo=utc),   # London: 14th 23:59
             datetime.datetime(2026, 8, 14, 23, 1, tzinfo=utc)]    # London: 15th 00:01
    ids = incidents_at(times)
    c = pq(analyst)
    inset = "id in (" + ",".join(map(str, ids)) + ")"
    everything, _ = c.refresh("Incidents", "$filter=" + inset)
    by_id = {r["id"]: r for r in everything}
    assert set(by_id) == set(ids)

    def at(r):
        return datetime.datetime.fromisoformat(r["reported_at"].replace("Z", "+00:00"))

    cases = {
        # a local offset, %2B-encoded as Power BI sends it
        "reported_at ge 2026-08-15T00:00:00%2B01:00":
            lambda r: at(r) >= datetime.datetime(2026, 8, 14, 23, tzinfo=utc),
        "reported_at lt 2026-03-29T01:00:00Z":
            lambda r: at(r) < datetime.datetime(2026, 3, 29, 1, tzinfo=utc),
        "reported_date eq 2026-08-15": lambda r: r["reported_date"] == "2026-08-15",
        "month(reported_date) eq 3 and day(reported_date) eq 29":
            lambda r: r["reported_date"] == "2026-03-29",
        "year(reported_date) eq 2026 and not (month(reported_date) eq 8)":
            lambda r: r["reported_date"].startswith("2026-03"),
        "triaged_at eq null and closed_at eq null":
            lambda r: r["triaged_at"] is None and r["closed_at"] is None,
        f"id eq {ids[0]} or id eq {ids[3]}": lambda r: r["id"] in (ids[0], ids[3]),
        f"id mod 2 eq 0 and id sub 1 ge {ids[0]}":
            lambda r: r["id"] % 2 == 0 and r["id"] - 1 >= ids[0],
        "startswith(reference,'ASB-') and contains(reference,'-0')":
            lambda r: r["reference"].startswith("ASB-") and "-0" in r["reference"],
        f"endswith(reference,'{by_id[ids[2]]['reference'][-3:]}')":
            lambda r: r["reference"].endswith(by_id[ids[2]]["reference"][-3:]),
        "asb_type_code in ('noise','vandalism') and vulnerable eq false":
            lambda r: r["asb_type_code"] in ("noise", "vandalism") and not r["vulnerable"],
        "tolower(channel) eq 'police' and length(reference) gt 10":
            lambda r: r["channel"].lower() == "police" and len(r["reference"]) > 10,
    }
    for expr, want in cases.items():
        got, _ = c.refresh("Incidents", f"$filter=({inset}) and ({expr})&$select=id")
        assert sorted(r["id"] for r in got) == sorted(i for i in ids if want(by_id[i])), expr
        n = c.get(f"Incidents/$count?$filter=({inset}) and ({expr})")
        assert n.status_code == 200 and int(n.text) == len(got), expr


def test_one_row_by_its_key(analyst):
    iid = incidents_at([datetime.datetime(2026, 2, 2, tzinfo=datetime.timezone.utc)])[0]
    c = pq(analyst)
    r = c.get(f"Incidents({iid})?$select=id,reported_date")
    assert r.status_code == 200, r.text
    assert r.json() == {"@odata.context": URL + "/odata/v4/$metadata#Incidents(id,reported_date)"
                        "/$entity", "id": iid, "reported_date": "2026-02-02"}
    assert c.get("Incidents(999999999)").status_code == 404
    area = c.preview("Areas")[0]["id"]
    assert c.get(f"Areas('{area}')").json()["id"] == area
    assert c.get("Incidents('x')").status_code == 400


# ---------------------------------------------------------------------------
# what goes wrong


@pytest.mark.parametrize("query,status,code,target", [
    ("$filter=id eq", 400, "syntax", "$filter"),
    ("$filter=nosuch eq 1", 400, "unknown_property", "$filter"),
    ("$filter=reference eq 5", 400, "type", "$filter"),
    ("$filter=reported_date eq 2026-02-30", 400, None, "$filter"),
    ("$filter=id eq 1.5e999", 400, None, "$filter"),
    ("$orderby=nosuch", 400, "unknown_property", "$orderby"),
    ("$select=id,nosuch", 400, "unknown_property", "$select"),
    ("$top=-1", 400, None, "$top"),
    ("$top=1&$top=2", 400, None, None),
    ("$count=maybe", 400, None, "$count"),
    ("$skiptoken=bm90LW91cnM", 400, "skiptoken_invalid", "$skiptoken"),
    ("$expand=Allocations", 501, "not_supported", "$expand"),
    ("$search=noise", 501, "not_supported", "$search"),
    ("$apply=groupby((channel))", 501, "not_supported", "$apply"),
    ("$filter=Allocations/any(a:a/id gt 1)", 501, "not_supported", "$filter"),
    ("$format=atom", 501, "not_supported", "$format"),
])
def test_bad_queries_are_odata_errors_never_500(analyst, query, status, code, target):
    r = pq(analyst).get("Incidents?" + query)
    assert r.status_code == status, (query, r.status_code, r.text)
    assert one_header(r, "OData-Version") == "4.0"
    err = r.json()["error"]
    assert err["message"] and (code is None or err["code"] == code), err
    if target:
        assert err.get("target") == target, err


def test_odd_requests_never_get_a_500(analyst):
    c = pq(analyst)
    for path in ("Incidents?$filter=" + "(" * 400 + "true" + ")" * 400,
                 "Incidents?$filter=" + " and ".join(["id eq 1"] * 300),
                 "Incidents?$filter=reference eq '" + "x" * 5000 + "'",
                 "Incidents?$filter=reported_at gt 2026-13-45T25:61:00Z",
                 "Incidents?$filter=contains(reference,'%25_\\')",
                 "Incidents?$orderby=id,id,id,id,id,id,id,id,id,id",
                 "Incidents?$filter=%ZZ", "Incidents?$top=99999999999999999999",
                 "Incidents(1", "Nothing", "Incidents/$count/$value", "$metadata?$format=json"):
        r = c.get(path)
        assert 400 <= r.status_code < 500 or r.status_code in (200, 501), (path, r.status_code)
        if r.status_code != 200:
            assert r.json()["error"]["message"], path
    assert c.s.post(c.base + "Incidents", json={}).status_code == 405


# ---------------------------------------------------------------------------
# keys


def test_without_a_key_or_with_a_wrong_one_the_feed_asks_for_basic(analyst):
    user, key = analyst["council"]
    for auth in (None, (user, key[:-1] + ("A" if key[-1] != "A" else "B")),
                 (user, "not-a-key"), (user, "ck_00000000000000000000." + "A" * 43),
                 ("someone-else@city-council.example", key)):
        r = requests.get(URL + "/odata/v4/", auth=auth, timeout=30)
        assert r.status_code == 401, (auth, r.text)
        assert r.headers["WWW-Authenticate"].startswith("Basic realm=")
        assert r.json()["error"]["code"]
    r = requests.get(URL + "/odata/v4/", headers={"Authorization": "Basic !!!"}, timeout=30)
    assert r.status_code == 401


def test_the_key_may_be_a_query_parameter_kept_out_of_the_log(analyst):
    user, key = analyst["council"]
    r = requests.get(URL + "/odata/v4/Incidents?$top=1&api_key=" + key, timeout=30)
    assert r.status_code == 200, r.text
    link_query = requests.get(URL + "/odata/v4/Incidents?$top=3&api_key=" + key,
                              headers={"Prefer": "odata.maxpagesize=1"}, timeout=30).json()
    assert requests.get(link_query["@odata.nextLink"], timeout=30).status_code == 200
    log = os.path.join(VAR, "log", "nginx-access.log")
    wait_for(lambda: "/odata/v4/Incidents" in open(log).read(), what="the access log")
    assert key.split(".")[1] not in open(log).read()


def test_a_key_reads_only_the_views_it_is_scoped_to():
    email = new_analyst()
    _, key = add_key(email, views=("rpt_incident", "rpt_area"))
    c = PowerQuery(email, key)
    assert {v["name"] for v in c.service().json()["value"]} == {"Incidents", "Areas"}
    root = ET.fromstring(c.get("$metadata").content)
    assert {t.get("Name") for t in root.iter(f"{EDM}EntityType")} == {"Incident", "Area"}
    r = c.get("Allocations")
    assert r.status_code == 403 and r.json()["error"]["code"] == "scope_missing"
    assert c.get("IncidentPeople/$count").status_code == 403
    assert c.get("Incidents?$top=1").status_code == 200


def test_revoked_rotated_and_disabled(db):
    email = new_analyst()
    name, key = add_key(email)
    assert PowerQuery(email, key).get("").status_code == 200
    out = ctl("api-client", "rotate", "--name", name, "--overlap-hours", "1").stdout
    new = re.search(r"^api_key: (\S+)$", out, re.M).group(1)
    assert PowerQuery(email, key).get("").status_code == 200, "the overlap"
    assert PowerQuery(email, new).get("").status_code == 200
    ctl("api-client", "revoke", "--name", name, "--key", key.split(".")[0])
    r = PowerQuery(email, key).get("")
    assert r.status_code == 401 and r.json()["error"]["code"] == "key_revoked"
    # Their roles no longer give reporting.view: nothing, whatever the key.
    with db.cursor() as cur:
        cur.execute("DELETE FROM user_role WHERE user_id = (SELECT id FROM app_user "
                    "WHERE email = %s)", (email,))
    r = PowerQuery(email, new).get("")
    assert r.status_code == 403 and r.json()["error"]["code"] == "permission_missing"
    with db.cursor() as cur:
        cur.execute("UPDATE app_user SET disabled_at = now() WHERE email = %s", (email,))
    r = PowerQuery(email, new).get("")
    assert r.status_code == 401 and r.json()["error"]["code"] == "account_disabled"
    # Revoking the client leaves the analyst's account as it was.
    with db.cursor() as cur:
        cur.execute("UPDATE app_user SET disabled_at = NULL WHERE email = %s", (email,))
    ctl("api-client", "revoke", "--name", name)
    assert PowerQuery(email, new).get("").status_code == 401
    with db.cursor() as cur:
        cur.execute("SELECT disabled_at FROM app_user WHERE email = %s", (email,))
        assert cur.fetchone()[0] is None


# ---------------------------------------------------------------------------
# what an analyst sees


def test_the_feed_shows_what_the_analysts_row_security_shows(analyst):
    police_only = add_incident(sharing="agency")[0]
    shared = add_incident()[0]
    q = f"$filter=id in ({police_only},{shared})&$select=id"
    council, _ = pq(analyst, "council").refresh("Incidents", q)
    police, _ = pq(analyst, "police").refresh("Incidents", q)
    assert {r["id"] for r in council} == {shared}
    assert {r["id"] for r in police} == {police_only, shared}


def test_the_pseudonymised_sets_count_people_without_naming_them(analyst):
    pid = add_person(given="Zebedee", family="Quixotic")
    first, second = add_incident()[0], add_incident()[0]
    involve(first, pid)
    involve(second, pid, role="victim")
    c = pq(analyst, "police")
    r = c.get(f"IncidentPeople?$filter=incident_id in ({first},{second})")
    assert r.status_code == 200, r.text
    rows = r.json()["value"]
    assert len(rows) == 2 and len({x["person_key"] for x in rows}) == 1
    assert re.fullmatch(r"[0-9a-f]{24}", rows[0]["person_key"])
    assert "Zebedee" not in r.text and "Quixotic" not in r.text and str(pid) not in \
        [str(v) for x in rows for k, v in x.items() if k != "incident_id" and k != "id"]


# ---------------------------------------------------------------------------
# the administrator's side


def test_an_administrator_registers_an_analysts_key_on_the_api_clients_page():
    s = as_role("administrator")
    form = s.get(URL + "/admin/api-clients/new")
    assert 'value="odata"' in form.text and 'value="rpt_incident"' in form.text
    email = new_analyst()
    token = csrf_for(s, "/admin/api-clients/new")
    r = s.post(URL + "/admin/api-clients", data={
        "csrf": token, "name": "page-odata-" + email.split("@")[0][-8:], "kind": "odata",
        "analyst": email.upper(), "views": ["rpt_incident", "rpt_daily"]})
    assert r.status_code == 200, r.text[:2000]
    key = re.search(r'<code id="secret">([^<]+)</code>', r.text).group(1)
    assert re.search(r'<code id="user">([^<]+)</code>', r.text).group(1).lower() == email
    assert r.headers["Cache-Control"] == "no-store"
    c = PowerQuery(email, key)
    assert {v["name"] for v in c.service().json()["value"]} == {"Incidents", "DailyMetrics"}

    # What is wrong is said on the form, and nothing is registered.
    cases = (({"analyst": "nobody@nowhere.example", "views": ["rpt_incident"]},
              "There is no active member of staff"),
             ({"analyst": email, "views": ["rpt_incident"]}, "has an OData client already"),
             ({"analyst": new_analyst(role="council_officer"), "views": ["rpt_incident"]},
              "may not see reporting"),
             ({"analyst": new_analyst()}, "Select at least one view"),
             ({"analyst": new_analyst(), "views": ["pg_shadow"]}, "Select views from the list"))
    for fields, message in cases:
        r = s.post(URL + "/admin/api-clients", data={
            "csrf": csrf_for(s, "/admin/api-clients/new"), "name": "bad-odata-x",
            "kind": "odata", **fields})
        assert r.status_code == 400 and message in r.text, (fields, r.text[:3000])
    with admin() as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM api_client WHERE name = 'bad-odata-x'")
        assert cur.fetchone()[0] == 0


def test_the_pbids_file_points_power_bi_at_the_feed():
    r = requests.get(URL + "/odata/concord.pbids", timeout=30)
    assert r.status_code == 200
    assert 'filename="concord.pbids"' in r.headers["Content-Disposition"]
    conn = r.json()["connections"][0]
    assert conn["details"]["protocol"] == "odata"
    assert conn["details"]["address"]["url"] == URL + "/odata/v4/"
