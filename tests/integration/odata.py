"""A client of the OData feed that behaves as Power BI's and Excel's Power
Query does (OData.Feed, as seen on the wire): its User-Agent, OData-MaxVersion
4.0 with MaxDataServiceVersion 3.0, an Accept list that prefers JSON with
minimal metadata, gzip and deflate, Basic authentication, a $top=1000 preview
of each table and then a full refresh that follows every @odata.nextLink.

And analysts to read it as: a member of staff with the Analyst role, and
their OData key, registered with concordctl as an administrator would on the
API clients page."""
import base64
import re
import secrets

import requests

from stack import URL, ctl
from test_flags import admin

POWER_QUERY_HEADERS = {
    "User-Agent": "Microsoft.Data.Mashup (https://go.microsoft.com/fwlink/?LinkID=304225)",
    "OData-MaxVersion": "4.0",
    "MaxDataServiceVersion": "3.0",
    "Accept": "application/json;odata.metadata=minimal;q=1.0,application/json;"
              "odata=minimalmetadata;q=0.9,application/atomsvc+xml;q=0.8,"
              "application/atom+xml;q=0.8,application/xml;q=0.7,text/plain;q=0.7",
    "Accept-Encoding": "gzip, deflate",
}

ALL_VIEWS = ("rpt_incident", "rpt_allocation", "rpt_action", "rpt_contact", "rpt_case",
             "rpt_case_incident", "rpt_case_review", "rpt_daily", "rpt_area", "rpt_team", "rpt_agency",
             "rpt_type", "rpt_incident_person", "rpt_case_person")


def new_analyst(agency="city-council", role="analyst"):
    """A new member of staff of agency with role; their e-mail address."""
    email = f"analyst-{secrets.token_hex(4)}@{agency}.example"
    with admin() as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO app_user (agency_id, email, name) SELECT id, %s, "
                    "'Test Analyst' FROM agency WHERE code = %s RETURNING id, agency_id",
                    (email, agency))
        uid, aid = cur.fetchone()
        cur.execute("INSERT INTO user_role (user_id, role_id, agency_id) "
                    "SELECT %s, id, %s FROM role WHERE code = %s", (uid, aid, role))
    return email


def add_key(email, views=ALL_VIEWS, name=None):
    """Registers an OData client for the analyst; (name, api_key)."""
    name = name or "odata-" + secrets.token_hex(4)
    out = ctl("api-client", "add", "--name", name, "--kind", "odata", "--analyst", email,
              "--views", ",".join(views)).stdout
    key = re.search(r"^api_key: (ck_[0-9a-f]{20}\.[A-Za-z0-9_-]{43})$", out, re.M).group(1)
    return name, key


class PowerQuery:
    """One analyst's Power Query session against the feed."""

    def __init__(self, user, key, base=None):
        self.base = (base or URL) + "/odata/v4/"
        self.s = requests.Session()
        self.s.headers.update(POWER_QUERY_HEADERS)
        self.s.auth = (user, key)

    def get(self, path_or_url, **kw):
        url = path_or_url if path_or_url.startswith("http") else self.base + path_or_url
        return self.s.get(url, timeout=60, **kw)

    def service(self):
        r = self.get("")
        assert r.status_code == 200, r.text
        return r

    def preview(self, entity_set):
        r = self.get(f"{entity_set}?$top=1000")
        assert r.status_code == 200, r.text
        return r.json()["value"]

    def refresh(self, entity_set, query="", pagesize=None):
        """Every row of the set, following nextLink; (rows, responses)."""
        headers = {"Prefer": f"odata.maxpagesize={pagesize}"} if pagesize else {}
        url = self.base + entity_set + (("?" + query) if query else "")
        rows, responses = [], []
        while url:
            r = self.s.get(url, headers=headers, timeout=60)
            assert r.status_code == 200, r.text
            responses.append(r)
            body = r.json()
            rows.extend(body["value"])
            url = body.get("@odata.nextLink")
            assert len(responses) < 10000, "the feed never stops paging"
        return rows, responses


def basic(user, key):
    return "Basic " + base64.b64encode(f"{user}:{key}".encode()).decode()
