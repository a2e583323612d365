"""Where the stack under test is, and helpers to poke at it.

scripts/test starts an isolated stack (nginx, concord-fcgi, concord-worker,
PostgreSQL, Redis) in a temporary state folder and exports where it is:
CONCORD_URL, CONCORD_VAR, CONCORD_CONF, CONCORD_ROOT and CONCORD_BUILD.
"""
import json
import os
import subprocess
import time

import pytest

ROOT = os.environ.get("CONCORD_ROOT") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
# The demo geography ships with the project (sql/demo/README.md); the large
# data sets do not: they are the shared folder beside the checkout.
DEMO_GEO = os.path.join(ROOT, "sql", "demo")
SHARED_DATA = os.environ.get("CONCORD_DATA") or os.path.join(ROOT, "..", "shared", "data")
URL = os.environ.get("CONCORD_URL")
VAR = os.environ.get("CONCORD_VAR")
CONF = os.environ.get("CONCORD_CONF") or (VAR and os.path.join(VAR, "concord.conf"))
BUILD = os.environ.get("CONCORD_BUILD", ROOT)


def read_conf():
    conf = {}
    with open(CONF) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if "=" in line:
                k, v = line.split("=", 1)
                conf[k.strip()] = v.strip()
    return conf


def svc(action, name):
    """Start or stop one service of the stack (scripts/svc)."""
    subprocess.run([os.path.join(ROOT, "scripts", "svc"), action, name],
                   check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                   timeout=120)


def wait_for(predicate, timeout=15.0, interval=0.1, what="condition"):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = predicate()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what} (last: {last!r})")


def drop_app_connections(db):
    """Has the server close every connection of concord_app (db: a
    superuser connection), and waits until they are gone."""
    with db.cursor() as cur:
        cur.execute("SELECT array_agg(pid) FROM pg_stat_activity WHERE usename = 'concord_app'")
        pids = cur.fetchone()[0]
        assert pids, "no connection of concord_app to drop"
        cur.execute("SELECT pg_terminate_backend(p) FROM unnest(%s::int[]) AS p", (pids,))

    def gone():
        with db.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY (%s)", (pids,))
            return cur.fetchone()[0] == 0
    wait_for(gone, what="the app's connections closed")


def read_pid(name):
    with open(os.path.join(VAR, "run", f"{name}.pid")) as f:
        return int(f.read().strip())


def children(pid):
    """Live child process ids of pid, from /proc."""
    kids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            kids.append(int(entry))
    return sorted(kids)


def log_lines(name):
    with open(os.path.join(VAR, "log", f"{name}.log"), errors="replace") as f:
        return f.readlines()


def json_log(name):
    out = []
    for line in log_lines(name):
        line = line.strip()
        if line.startswith("{"):
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
    return out


def ctl(*args, check=True, input=None):
    """Runs concordctl against the stack's configuration."""
    return subprocess.run([os.path.join(BUILD, "concordctl"), "-c", CONF, *args],
                          check=check, capture_output=True, text=True, timeout=60,
                          input=input)


def shared_data(*parts):
    """The path of a large shared data set (../shared/data beside the
    checkout, or $CONCORD_DATA). When it is absent the test skips, saying
    what it needs; under CI=true it fails instead, because there a skip
    would pass a run that never tested this."""
    path = os.path.join(SHARED_DATA, *parts)
    if os.path.exists(path):
        return path
    why = (f"needs the shared data set {path}, which is not there (the "
           f"folder ../shared/data beside the checkout, or CONCORD_DATA)")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(why + ": CI=true, so this is a failure, not a skip")
    pytest.skip(why)


def backdate(cur, sql, args=()):
    """Runs a test's UPDATE of incident.reported_at (cur: a superuser's
    cursor) with the triggers off for it: the clocks trigger
    (0041_allocation.sql) refuses any change of a clock once set, which the
    application never makes and a test's set-up may. The cursor keeps the
    UPDATE's result."""
    side = cur.connection.cursor()
    side.execute("SET session_replication_role = replica")
    try:
        cur.execute(sql, args)
    finally:
        side.execute("RESET session_replication_role")
        side.close()
