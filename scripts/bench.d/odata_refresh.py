#!/usr/bin/python3
"""A full refresh of one entity set through the OData feed, as Power BI's
Power Query makes it (its headers, gzip, Basic with the demo analyst's
key, every @odata.nextLink followed), side by side with COPY of the same
view to CSV as the same analyst (their row security, on the app's own
database role): rows, seconds, rows per second of each, and the ratio.

    odata_refresh.py CONF_DIR BASE_URL SET VIEW [PAGESIZE ...]

CONF_DIR holds concord.conf and demo-clients.json (scripts/up). Each page
size given is one refresh (Prefer: odata.maxpagesize; 0 for the feed's
default). Rows are counted in the pages as sent, without building them in
Python: the client must not be what is measured."""
import json
import os
import re
import sys
import time

import psycopg2
import requests

HEADERS = {
    "User-Agent": "Microsoft.Data.Mashup (https://go.microsoft.com/fwlink/?LinkID=304225)",
    "OData-MaxVersion": "4.0",
    "MaxDataServiceVersion": "3.0",
    "Accept": "application/json;odata.metadata=minimal;q=1.0,application/json;"
              "odata=minimalmetadata;q=0.9,application/xml;q=0.7,text/plain;q=0.7",
    "Accept-Encoding": "gzip, deflate",
}
NEXT = re.compile(rb'"@odata\.nextLink":"([^"]+)"\}\s*$')


def conf(path):
    out = {}
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if "=" in line:
                k, v = line.split("=", 1)
                out[k.strip()] = v.strip()
    return out


def refresh(base, entity_set, auth, pagesize):
    s = requests.Session()
    s.headers.update(HEADERS)
    if pagesize:
        s.headers["Prefer"] = f"odata.maxpagesize={pagesize}"
    s.auth = auth
    url, rows, pages, wire = f"{base}/odata/v4/{entity_set}", 0, 0, 0
    t0 = time.monotonic()
    while url:
        r = s.get(url, timeout=300)
        if r.status_code != 200:
            sys.exit(f"odata_refresh.py: {url}: {r.status_code} {r.text[:300]}")
        body = r.content
        wire += int(r.headers.get("Content-Length") or len(body))
        rows += body.count(b'{"id":')
        pages += 1
        m = NEXT.search(body[-4096:])
        url = m.group(1).decode() if m else None
    return rows, pages, wire, time.monotonic() - t0


class Sink:
    def __init__(self):
        self.n = 0
        self.lines = 0

    def write(self, data):
        self.n += len(data)
        self.lines += data.count("\n") if isinstance(data, str) else data.count(b"\n")


def copy(dsn, user, view):
    conn = psycopg2.connect(dsn)
    cur = conn.cursor()
    cur.execute("SELECT set_config('concord.user_id', id::text, true), "
                "set_config('concord.agency_id', agency_id::text, true), "
                "set_config('concord.person_view', '0', true) FROM app_user "
                "WHERE email = %s", (user,))
    sink = Sink()
    t0 = time.monotonic()
    cur.copy_expert(f"COPY (SELECT * FROM {view} ORDER BY id) TO STDOUT WITH (FORMAT csv)",
                    sink)
    took = time.monotonic() - t0
    conn.rollback()
    conn.close()
    return sink.lines, sink.n, took


def main(argv):
    if len(argv) < 5:
        sys.exit("usage: odata_refresh.py CONF_DIR BASE_URL SET VIEW [PAGESIZE ...]")
    confdir, base, entity_set, view = argv[1:5]
    sizes = [int(x) for x in argv[5:]] or [0]
    c = conf(os.path.join(confdir, "concord.conf"))
    with open(os.path.join(confdir, "demo-clients.json")) as f:
        od = json.load(f)["odata"]
    auth = (od["user"], od["api_key"])
    count = int(requests.get(f"{base}/odata/v4/{entity_set}/$count", auth=auth,
                             timeout=300).text)
    lines, size, copy_s = copy(c["db"], od["user"], view)
    print(f"COPY {view} TO csv as {od['user']}: {lines} rows, {size / 1e6:.0f} MB in "
          f"{copy_s:.1f} s = {lines / copy_s:,.0f} rows/s")
    for ps in sizes:
        rows, pages, wire, took = refresh(base, entity_set, auth, ps)
        ok = "" if rows == count == lines else f"  (MISMATCH: $count {count}, COPY {lines})"
        print(f"feed {entity_set}, page size {ps or 'default'}: {rows} rows in {pages} pages, "
              f"{wire / 1e6:.0f} MB gzipped, in {took:.1f} s = {rows / took:,.0f} rows/s; "
              f"ratio to COPY {copy_s / took:.2f}{ok}")


if __name__ == "__main__":
    main(sys.argv)
