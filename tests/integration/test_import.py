"""Importing history (concordctl import police-uk, fcgi/ctl/import.c): rows
of data.police.uk street-level CSVs taken by the one intake as channel
'import' -- only the rows of anti-social behaviour; each incident closed,
reported when it occurred (its month spread over the month), allocated as
at creation; refused rows counted by reason and skipped; a malformed file
or a database failure leaves nothing of the import; imported again, a row
is the report made the first time; a progress line only on a terminal.
The City's real data is tests/integration/test_allocation_real.py's."""
import csv
import io
import json
import os
import pty
import subprocess
import uuid

import pytest

from stack import BUILD, CONF, ctl

HEADER = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude",
          "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category",
          "Context"]
ASB = "Anti-social behaviour"
FORCE = "City of London Police"
# In the ward of Bassishaw (a demo beat) and on the river (in no area).
IN_WARD = ("-0.092176", "51.516347")
ON_RIVER = ("-0.098000", "51.508500")


def row(month, lon, lat, where, crime=ASB, crime_id=""):
    return [crime_id, month, FORCE, FORCE, lon, lat, where, "E01000001",
            "City of London 001A", crime, "", ""]


def write_csv(tmp_path, rows, header=HEADER, name=None):
    """A CSV as data.police.uk writes them (CRLF, quoted where needed)."""
    path = tmp_path / (name or f"{uuid.uuid4().hex[:8]}-street.csv")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def where(tag):
    """A location no other test uses, to find this test's incidents by."""
    return f"On or near Test Street {tag}"


def run_import(*files, extra=()):
    r = ctl("import", "police-uk", "--agency", "city-police", "--json", *extra,
            *map(str, files), check=False)
    assert "Sanitizer" not in r.stderr and "runtime error" not in r.stderr, r.stderr
    return r


def imported(*files):
    r = run_import(*files)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def counts(db, like):
    """Rows the import could have written for locations like `like`."""
    with db.cursor() as c:
        c.execute("SELECT count(*) FROM incident WHERE address LIKE %s", (like,))
        incidents = c.fetchone()[0]
        c.execute("SELECT count(*) FROM report WHERE address LIKE %s", (like,))
        reports = c.fetchone()[0]
        c.execute("SELECT count(*) FROM incident_allocation a JOIN incident i "
                  "ON i.id = a.incident_id WHERE i.address LIKE %s", (like,))
        allocations = c.fetchone()[0]
        c.execute("SELECT count(*) FROM audit_event e JOIN report r "
                  "ON r.id::text = e.entity_id AND e.entity = 'report' "
                  "WHERE r.address LIKE %s", (like,))
        audits = c.fetchone()[0]
    return incidents, reports, allocations, audits


# ---------------------------------------------------------------------------
# good rows

def test_asb_rows_become_closed_imported_incidents_in_their_month(db, tmp_path):
    tag = uuid.uuid4().hex[:8]
    f = write_csv(tmp_path, [
        row("2016-03", *IN_WARD, where(tag)),
        row("2016-03", *IN_WARD, where(tag), crime="Burglary", crime_id="ab12"),
        row("2016-03", *ON_RIVER, where(tag) + " river"),
        row("2016-03", "", "", "No Location", crime="Vehicle crime", crime_id="cd34"),
    ])
    out = imported(f)
    assert (out["rows"], out["asb_rows"], out["other_rows"]) == (4, 2, 2)
    assert (out["created"], out["joined"], out["refused"]) == (2, 0, 0)
    with db.cursor() as c:
        c.execute("SELECT i.channel, i.status, i.reported_at = i.occurred_at, "
                  "to_char(i.occurred_at AT TIME ZONE 'Europe/London', 'YYYY-MM'), "
                  "i.closure_reason, i.description, i.reporter_id, b.code, "
                  "(SELECT array_agg(a.kind ORDER BY a.kind) FROM incident_allocation a "
                  " WHERE a.incident_id = i.id), "
                  "(SELECT count(*) FROM report r WHERE r.incident_id = i.id "
                  " AND r.channel = 'import' AND r.idempotency_key LIKE 'police-uk:%%') "
                  "FROM incident i LEFT JOIN beat b ON b.id = i.beat_id "
                  "WHERE i.address LIKE %s ORDER BY i.address", (where(tag) + "%",))
        rows = c.fetchall()
    assert len(rows) == 2
    for r in rows:
        assert r[:4] == ("import", "closed", True, "2016-03")
        assert "Imported history" in r[4]
        assert r[5].startswith("Imported from data.police.uk (2016-03).")
        assert r[6] is None and r[9] == 1
    # In Bassishaw: its neighbourhood team and the City's council team; on
    # the river: the force's triage queue.
    assert rows[0][7] == "E05009290" and rows[0][8] == ["council", "neighbourhood"]
    assert rows[1][7] is None and rows[1][8] == ["triage"]
    # Each incident's creation is audited, as every channel's is.
    assert counts(db, where(tag) + "%")[3] == 2


def test_history_at_one_point_in_different_months_is_not_merged(db, tmp_path):
    """Today's window is around now: replayed through Open311 today, two
    years at one snap point would be one incident. By occurrence they are
    twelve."""
    tag = uuid.uuid4().hex[:8]
    f = write_csv(tmp_path, [row(f"2015-{m:02d}", *IN_WARD, where(tag))
                             for m in range(1, 13)])
    out = imported(f)
    assert (out["created"], out["joined"]) == (12, 0)
    with db.cursor() as c:
        c.execute("SELECT count(DISTINCT to_char(occurred_at AT TIME ZONE "
                  "'Europe/London', 'YYYY-MM')) FROM incident WHERE address = %s",
                  (where(tag),))
        assert c.fetchone()[0] == 12


def test_identical_rows_are_different_incidents_with_different_times(db, tmp_path):
    tag = uuid.uuid4().hex[:8]
    f = write_csv(tmp_path, [row("2010-06", *IN_WARD, where(tag))] * 3)
    out = imported(f)
    assert out["created"] + out["joined"] == 3 and out["refused"] == 0
    with db.cursor() as c:
        c.execute("SELECT count(DISTINCT occurred_at), count(DISTINCT idempotency_key) "
                  "FROM report WHERE address = %s", (where(tag),))
        assert c.fetchone() == (3, 3)


def test_importing_again_finds_every_row_imported_before(db, tmp_path):
    tag = uuid.uuid4().hex[:8]
    f = write_csv(tmp_path, [row(f"2014-{m:02d}", *IN_WARD, where(tag)) for m in (1, 2, 3)])
    first = imported(f)
    again = imported(f)
    assert first["created"] == 3
    assert (again["created"], again["joined"], again["imported_before"]) == (0, 0, 3)
    assert counts(db, where(tag))[:2] == (3, 3)


def test_as_a_member_of_staff(db, tmp_path):
    tag = uuid.uuid4().hex[:8]
    f = write_csv(tmp_path, [row("2014-05", *IN_WARD, where(tag))])
    r = ctl("import", "police-uk", "--as", "officer@police.example", "--json", str(f),
            check=False)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["created"] == 1
    with db.cursor() as c:
        c.execute("SELECT u.email FROM report r JOIN app_user u ON u.id = r.created_by "
                  "WHERE r.address = %s", (where(tag),))
        assert c.fetchone()[0] == "officer@police.example"


# ---------------------------------------------------------------------------
# bad rows: refused, counted by reason, skipped

def test_bad_rows_are_refused_by_reason_and_the_rest_imported(db, tmp_path):
    tag = uuid.uuid4().hex[:8]
    good = row("2013-04", *IN_WARD, where(tag))
    short = row("2013-04", *IN_WARD, where(tag) + " short")[:11]
    f = write_csv(tmp_path, [
        good,
        row("2013-04", "", "", "No Location"),                 # no location
        row("2013-04", "", "", "No Location"),
        row("2013-13", *IN_WARD, where(tag) + " month"),       # bad month
        row("April 2013", *IN_WARD, where(tag) + " month"),
        row("2013-04", "-0.09", "", where(tag) + " half"),     # half a point
        row("2013-04", "532500", "181300", where(tag) + " bng"),  # not degrees
        short,                                                 # a field short
        row("2013-04", *IN_WARD, where(tag) + " theft", crime="Theft from the person"),
    ])
    out = imported(f)
    assert (out["rows"], out["asb_rows"], out["other_rows"]) == (9, 7, 1)
    assert (out["created"], out["refused"]) == (1, 7)
    assert out["created"] + out["joined"] + out["refused"] + out["imported_before"] \
        == out["asb_rows"] + 1   # the short row is refused before its type is known
    reasons = {r["reason"]: r["rows"] for r in out["refusals"]}
    assert reasons["where: Enter where it happened: a point on the map, an address "
                   "or a postcode"] == 2
    assert reasons["bad month (not YYYY-MM)"] == 2
    assert sum(n for k, n in reasons.items() if k.startswith("bad coordinates")) == 2
    assert reasons["not as many fields as the header"] == 1
    first = {r["reason"]: r["first"] for r in out["refusals"]}
    assert first["bad month (not YYYY-MM)"] == f"{f}:5"
    # Only the good row was written.
    assert counts(db, where(tag) + "%")[:2] == (1, 1)


def test_summary_in_words(tmp_path):
    tag = uuid.uuid4().hex[:8]
    f = write_csv(tmp_path, [row("2013-05", *IN_WARD, where(tag)),
                             row("2013-99", *IN_WARD, where(tag)),
                             row("2013-05", *IN_WARD, where(tag), crime="Robbery")])
    r = ctl("import", "police-uk", "--agency", "city-police", str(f), check=False)
    assert r.returncode == 0, r.stderr
    text = r.stdout
    assert "3 rows in" in text and "rows/s" in text
    assert "anti-social behaviour rows: 2 (1 rows of other crime types skipped)" in text
    assert "incidents created:          1" in text
    assert "refused:                    1" in text
    assert f"1  bad month (not YYYY-MM) (first: {f}:3)" in text
    # No terminal: no progress line.
    assert "\r" not in r.stderr and "left" not in r.stderr


# ---------------------------------------------------------------------------
# bad files and failures: nothing of the import is kept

def assert_nothing_imported(db, r, tag, *words):
    assert r.returncode == 1, (r.stdout, r.stderr)
    for w in words:
        assert w in r.stderr, r.stderr
    assert "nothing was imported" in r.stderr
    assert r.stdout == ""
    assert counts(db, where(tag) + "%") == (0, 0, 0, 0)


@pytest.mark.parametrize("case", ["wrong header", "unbalanced quotes", "not UTF-8",
                                  "missing file", "empty file"])
def test_a_malformed_file_imports_nothing_of_any_file(db, tmp_path, case):
    tag = uuid.uuid4().hex[:8]
    good = write_csv(tmp_path, [row("2012-01", *IN_WARD, where(tag))])
    bad = tmp_path / "bad.csv"
    head = ",".join(HEADER) + "\r\n"
    words = []
    if case == "wrong header":
        bad.write_text("Crime ID,Month,Longitude,Latitude,Location,Type\r\n"
                       f",2012-01,{IN_WARD[0]},{IN_WARD[1]},{where(tag)},{ASB}\r\n")
        words = [f"{bad}: line 1: the header has no column \"Crime type\""]
    elif case == "unbalanced quotes":
        bad.write_text(head + f',2012-02,{FORCE},{FORCE},{IN_WARD[0]},{IN_WARD[1]},'
                       f'"{where(tag)} b,E0,N,{ASB},,\r\n' + f",2012-02,{FORCE}\r\n")
        words = [f"{bad}: line 2: a quoted field is not closed"]
    elif case == "not UTF-8":
        bad.write_bytes(head.encode() + f",2012-03,{FORCE},{FORCE},{IN_WARD[0]},"
                        f"{IN_WARD[1]},{where(tag)} Caf".encode() + b"\xe9" +
                        f",E0,N,{ASB},,\r\n".encode())
        words = [f"{bad}: line 2: text that is not UTF-8"]
    elif case == "missing file":
        words = [f"{bad}: No such file or directory"]
    else:
        bad.write_bytes(b"")
        words = [f"{bad}: empty: there is no header"]
    # The good file first: it is not imported either.
    assert_nothing_imported(db, run_import(good, bad), tag, *words)


def test_a_database_failure_mid_file_leaves_nothing(db, tmp_path):
    """The fifth of eight rows fails in the database (a trigger stands in
    for a disk or constraint failure): none of the four before it, in this
    file or the one before, is kept; mended, the same files import whole."""
    tag = uuid.uuid4().hex[:8]
    first = write_csv(tmp_path, [row("2012-04", *IN_WARD, where(tag) + " a")])
    second = write_csv(tmp_path, [row(f"2012-{m:02d}", *IN_WARD,
                                      where(tag) + (" boom" if m == 9 else f" {m}"))
                                  for m in range(5, 13)])
    with db.cursor() as c:
        c.execute("CREATE FUNCTION test_import_boom() RETURNS trigger LANGUAGE plpgsql AS "
                  "$$ BEGIN IF NEW.address LIKE '%% boom' THEN RAISE EXCEPTION "
                  "'the disk is full (a test)'; END IF; RETURN NEW; END $$")
        c.execute("CREATE TRIGGER test_import_boom BEFORE INSERT ON incident FOR EACH ROW "
                  "EXECUTE FUNCTION test_import_boom()")
    try:
        r = run_import(first, second)
    finally:
        with db.cursor() as c:
            c.execute("DROP TRIGGER test_import_boom ON incident")
            c.execute("DROP FUNCTION test_import_boom()")
    assert_nothing_imported(db, r, tag, f"{second}: line 6: the database failed",
                            "the disk is full (a test)")
    out = imported(first, second)
    assert (out["created"], out["imported_before"]) == (9, 0)
    assert counts(db, where(tag) + "%")[:2] == (9, 9)


def test_bad_arguments(tmp_path):
    f = write_csv(tmp_path, [])
    for args in ([], ["police-uk"], ["police-uk", str(f)], ["csv", "--agency", "x", str(f)],
                 ["police-uk", "--agency", "city-police"],
                 ["police-uk", "--as", "a@b.example", "--agency", "city-police", str(f)],
                 ["police-uk", "--agency", "city-police", "--colour", str(f)]):
        r = ctl("import", *args, check=False)
        assert r.returncode == 2 and "usage: concordctl import police-uk" in r.stderr, args
    r = ctl("import", "police-uk", "--agency", "nope", str(f), check=False)
    assert r.returncode == 1 and "no active core partner agency has the code \"nope\"" \
        in r.stderr
    # A housing provider's records are not the force's history.
    r = ctl("import", "police-uk", "--as", "reporter@housing.example", str(f), check=False)
    assert r.returncode == 1 and "not in a core partner agency" in r.stderr
    r = ctl("import", "police-uk", "--agency", "city-police", "--type", "nope", str(f),
            check=False)
    assert r.returncode == 1 and "no active ASB type with the code \"nope\"" in r.stderr


# ---------------------------------------------------------------------------
# the progress line

def test_progress_line_on_a_terminal(tmp_path):
    """On a terminal, stderr shows rows, rate and time left, rewritten in
    place, and is cleared at the end."""
    tag = uuid.uuid4().hex[:8]
    # Four points 330 m apart: none can join another.
    f = write_csv(tmp_path, [row(f"2011-{m:02d}", IN_WARD[0], f"{51.5 + 0.003 * d:.6f}",
                                 where(tag) + f" {d}")
                             for m in range(1, 13) for d in range(4)])
    leader, follower = pty.openpty()
    try:
        p = subprocess.run([os.path.join(BUILD, "concordctl"), "-c", CONF, "import",
                            "police-uk", "--agency", "city-police", str(f)],
                           stdout=subprocess.PIPE, stderr=follower, timeout=120, text=True)
        os.close(follower)
        follower = None
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if follower is not None:
            os.close(follower)
        os.close(leader)
    assert p.returncode == 0, seen
    text = seen.decode()
    assert "\r\x1b[K" in text
    assert " of 48 rows, " in text and "rows/s" in text and ("s left" in text or
                                                           "not known yet" in text)
    assert text.endswith("\r\x1b[K")
    assert "incidents created:          48" in p.stdout
