"""The SQL the OData query language compiles to (fcgi/odata/sql.c), run on
the stack's PostgreSQL against a temporary table shaped like the unit
tests' entity (tests/unit/odata_entity.h): every statement runs, the count
agrees with the rows, and paging by the keyset condition (skip values
taken from each page's last row, NULLs and descending orders included)
gives exactly the rows one statement gives. tests/unit/odata_sql_print
(built by make check) prints the SQL.
"""
import json
import os
import subprocess

import pytest

from stack import ROOT

TABLE = """
CREATE TEMP TABLE rpt_thing (
    "Id" bigint PRIMARY KEY, "Name" text, "Count" integer NOT NULL,
    "Amount" numeric, "Score" double precision, "Open" boolean NOT NULL,
    "Day" date, "At" timestamptz NOT NULL, "Closed" timestamptz)
"""

ROWS = """
INSERT INTO rpt_thing SELECT i,
    CASE WHEN i % 5 = 0 THEN NULL ELSE chr(97 + i % 4) END,
    i % 7,
    CASE WHEN i % 3 = 0 THEN NULL ELSE (i % 4) * 1.5 END,
    CASE WHEN i % 6 = 0 THEN NULL ELSE i % 3 END,
    i % 2 = 0,
    CASE WHEN i % 4 = 0 THEN NULL ELSE date '2024-01-01' + i % 3 END,
    timestamptz '2024-03-31 00:30:00+00' + (i % 5) * interval '1 hour'
        + (i % 2) * interval '1 microsecond',
    CASE WHEN i % 3 = 1 THEN NULL
        ELSE timestamptz '2024-01-01 00:00:00.123456+00' + (i % 4) * interval '1 day' END
FROM generate_series(1, 200) i
"""

# Orderings with NULLs both ways, then filters using every operator and
# function the feed supports; each with the number of rows it must find.
QUERIES = [
    ("$orderby=Name%20desc,Day", 200),
    ("$orderby=Closed%20desc,Count", 200),
    ("$orderby=Closed,Amount%20desc,Score", 200),
    ("$orderby=Open%20desc,At", 200),
    ("$orderby=Day%20desc,Name,Closed%20desc", 200),
    ("$orderby=Id%20desc", 200),
    ("$filter=Name%20ne%20'a'&$orderby=Score%20desc", 160),
    ("$filter=not%20(Name%20eq%20'a')%20and%20Amount%20ne%20null&$orderby=Amount", 107),
    ("$filter=contains(Name,'b')%20or%20startswith(Name,'c')%20or%20endswith(Name,'d')", 120),
    ("$filter=year(At)%20eq%202024%20and%20month(At)%20eq%203%20and%20day(At)%20ge%2031"
     "%20and%20hour(At)%20lt%205%20and%20minute(At)%20eq%2030%20and%20second(At)%20eq%200", 160),
    ("$filter=date(At)%20eq%202024-03-31%20and%20year(Day)%20eq%202024%20and%20day(Day)%20le%203", 150),
    ("$filter=At%20ge%202024-03-31T01:30:00%2B01:00%20and%20At%20lt%202024-03-31T03:00:00Z", 120),
    ("$filter=length(concat(Name,Name))%20eq%202%20and%20indexof(Name,'b')%20eq%200"
     "%20and%20tolower(toupper(trim(Name)))%20eq%20'b'", 40),
    ("$filter=substring(Name,0,1)%20eq%20'a'%20or%20substring(Name,1)%20eq%20''", 160),
    ("$filter=Count%20mod%203%20eq%201%20and%20Score%20mod%202%20eq%201%20and%20-Count%20lt%200", 20),
    ("$filter=Count%20div%200%20eq%201%20or%20Count%20mod%200%20eq%201", 0),
    ("$filter=round(Amount)%20eq%202%20or%20floor(Score)%20eq%201%20or%20ceiling(Amount)%20eq%205"
     "%20or%20round(Count)%20eq%201", 114),
    ("$filter=Amount%20add%201%20gt%202.5%20and%20Count%20mul%202%20sub%201%20div%201%20ge%201"
     "%20and%20Score%20lt%201e3", 56),
    ("$filter=Id%20in%20(1,2,3,200)%20or%20Name%20in%20('a',null)%20or%20Day%20in%20()", 83),
    ("$filter=Closed%20eq%20null%20or%20Closed%20gt%202024-01-02T00:00:00Z&$orderby=Closed", 167),
    ("$filter=At%20lt%20now()%20and%20Open%20eq%20true%20and%20Score%20ne%20INF"
     "%20and%20Amount%20ne%20NaN", 100),
    ("$filter=Count%20gt%205000000000%20or%20Id%20eq%205&$select=Name,At,Day", 1),
    ("$filter=Name%20eq%20'O''Neil'%20or%20contains(Name,'%25')%20or%20Name%20eq%20'%5C'", 0),
]


def printer():
    dirs = [os.environ.get("CONCORD_BUILD"), os.path.join(ROOT, "build-asan"),
            os.path.join(ROOT, "build"), ROOT]
    for d in dirs:
        path = d and os.path.join(d, "tests", "unit", "odata_sql_print")
        if path and os.access(path, os.X_OK):
            return path
    pytest.fail("tests/unit/odata_sql_print is not built: run make check in the "
                "build folder (scripts/test does), or set CONCORD_BUILD")


class Printer:
    def __init__(self):
        env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:halt_on_error=1")
        self.p = subprocess.Popen([printer()], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True, env=env)

    def ask(self, kind, query, limit=-1, after=None):
        def esc(v):
            if v is None:
                return "\\N"
            return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
        fields = [kind, str(limit), esc(query)] + [esc(v) for v in (after or [])]
        self.p.stdin.write("\t".join(fields) + "\n")
        self.p.stdin.flush()
        line = self.p.stdout.readline()
        assert line, "odata_sql_print stopped"
        out = json.loads(line)
        assert "sql" in out, f"{query}: {out}"
        return out

    def close(self):
        self.p.stdin.close()
        assert self.p.wait(timeout=30) == 0


def execute(cur, compiled):
    """Runs the statement as the feed does: text parameters, types from
    the casts in the SQL."""
    cur.execute("PREPARE odata_q AS " + compiled["sql"])
    try:
        params = compiled["params"]
        if params:
            cur.execute("EXECUTE odata_q (" + ", ".join(["%s"] * len(params)) + ")", params)
        else:
            cur.execute("EXECUTE odata_q")
        return cur.fetchall()
    finally:
        cur.execute("DEALLOCATE odata_q")


@pytest.fixture
def things(db):
    with db.cursor() as cur:
        cur.execute(TABLE)
        cur.execute(ROWS)
    yield db
    with db.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS pg_temp.rpt_thing")


@pytest.mark.parametrize("query,want", QUERIES)
def test_odata_sql_runs_and_pages_by_keyset(things, query, want):
    pr = Printer()
    try:
        with things.cursor() as cur:
            everything = execute(cur, pr.ask("select", query))
            assert len(everything) == want
            assert execute(cur, pr.ask("count", query))[0][0] == want
            # the order's text columns and the key end each row
            width, page_size, got, after = order_width(query), 7, [], None
            while True:
                rows = execute(cur, pr.ask("select", query, page_size, after))
                got.extend(rows)
                if len(rows) < page_size:
                    break
                after = list(rows[-1][-width:])
                assert len(got) <= want, "the pages repeat rows"
            assert got == everything
    finally:
        pr.close()


def order_width(query):
    """How many order and key columns end each row: one per $orderby
    entry, plus the key."""
    for part in query.split("&"):
        if part.startswith("$orderby="):
            return part.count(",") + 2
    return 1
