"""Overdue notices (sql/migrations/0045_overdue_notices.sql, jobs/overdue.c):
an item in a team's queue that goes past its triage or first-action target
is told to the team once, in one notify job per team (and recipient) per
sweep listing every item that went overdue, with a link to the team's
queue; closed incidents and imported history never are; two sweeps at once
never tell twice.

Incidents are made through the intake (concordctl intake) and then made old: the
clocks' trigger refuses a change of reported_at, so a superuser session
with triggers off (session_replication_role = replica) moves it back. The
sweep takes its targets as parameters (the worker passes the config's), so
most tests call it directly, as concord_worker, with targets of an hour
and incidents three hours old: the running worker, whose targets are the
config's (24 hours and more for an incident not assessed), leaves those
alone. The last test waits for the running worker itself."""
import os
import re
import uuid

import psycopg2
import pytest

from stack import read_conf, wait_for
from test_intake import intake, police

HOUR = "{1,1,1}"
LATER = "{100,100,100}"   # not due yet for an incident three hours old


def report(db, i):
    """A noise incident recorded by a police officer at point i of a row
    of its own (through the intake, concordctl intake: a staff record is
    never joined to another), allocated to its beat's neighbourhood team
    and its council area's team. Returns its reference."""
    out = intake(police(db, lon="%.4f" % (-0.0980 + 0.0025 * i), lat="51.5185"))
    assert out["result"] == "ok", out
    return out["reference"]


def make_old(db, ref, hours=3):
    with db.cursor() as c:
        c.execute("SET session_replication_role = replica")
        try:
            c.execute("UPDATE incident SET reported_at = now() - make_interval(hours => %s) "
                      "WHERE reference = %s", (hours, ref))
            assert c.rowcount == 1
        finally:
            c.execute("RESET session_replication_role")


def quiet_others(db, refs):
    """Marks every other current item as told on both clocks, so that a
    sweep's notices list only these incidents (a run of the whole suite
    leaves many old items in the demo's queues)."""
    with db.cursor() as c:
        c.execute("SET session_replication_role = replica")
        try:
            c.execute("UPDATE incident_allocation a SET "
                      "triage_overdue_sent_at = coalesce(triage_overdue_sent_at, now()), "
                      "action_overdue_sent_at = coalesce(action_overdue_sent_at, now()) "
                      "FROM incident i WHERE i.id = a.incident_id AND a.ended_at IS NULL "
                      "AND NOT i.reference = ANY (%s)", (list(refs),))
        finally:
            c.execute("RESET session_replication_role")


def allocations(db, ref):
    """The incident's current allocations: team id -> (triage told, action told)."""
    with db.cursor() as c:
        c.execute("SELECT a.team_id, a.triage_overdue_sent_at IS NOT NULL, "
                  "a.action_overdue_sent_at IS NOT NULL FROM incident_allocation a "
                  "JOIN incident i ON i.id = a.incident_id "
                  "WHERE i.reference = %s AND a.ended_at IS NULL", (ref,))
        return {t: (tr, ac) for t, tr, ac in c.fetchall()}


def sweep_in(conn, triage, action):
    """One sweep as concord_worker in conn's open transaction: the queue
    notices it queued as {team id: [(to, subject, body)]}, read before the
    worker can deliver them (and clear what they carried)."""
    with conn.cursor() as c:
        c.execute("SET LOCAL ROLE concord_worker")
        c.execute("SELECT team_id, items, jobs FROM overdue_sweep(%s, %s, %s)",
                  (triage, action, "https://concord.example"))
        rows = c.fetchall()
        c.execute("RESET ROLE")
        told = {}
        for team, items, jobs in rows:
            c.execute("SELECT payload->>'to', payload->>'subject', payload->>'body' "
                      "FROM outbox WHERE id = ANY (%s) ORDER BY id", (jobs,))
            # The same sweep also tells of overdue case actions (0051:
            # "Overdue: 2 case actions"), tested by test_case_actions.py;
            # these tests are about the queues' notices.
            queue = [j for j in c.fetchall() if not j[1].startswith("Overdue: ")]
            if queue:
                told.setdefault(team, []).extend(queue)
            assert items >= 1
        return told


def sweep(triage=HOUR, action=HOUR):
    conn = psycopg2.connect(read_conf()["db_admin"])
    try:
        told = sweep_in(conn, triage, action)
        conn.commit()
        return told
    finally:
        conn.close()


def mentioning(told, ref):
    """The jobs (team, to, subject, body) whose message lists ref."""
    return [(team, *job) for team, jobs in told.items() for job in jobs if ref in job[2]]


def team_code(db, team):
    """The code a team's queue page is named by."""
    with db.cursor() as c:
        c.execute("SELECT code FROM team WHERE id = %s", (team,))
        return c.fetchone()[0]


def team_email(db, team):
    with db.cursor() as c:
        c.execute("SELECT email FROM team WHERE id = %s", (team,))
        return c.fetchone()[0]


def test_each_team_gets_one_message_listing_its_overdue_items_once(db):
    refs = [report(db, i) for i in (-2, 0, 2)]
    for ref in refs:
        make_old(db, ref)
    teams = set(allocations(db, refs[0]))
    assert len(teams) >= 2, "the demo allocates a vehicle to several teams"
    assert all(set(allocations(db, r)) == teams for r in refs)

    # Past the triage target, not yet the first action's. Only these three
    # are untold: a notice lists a long queue's first 100 items only.
    quiet_others(db, refs)
    told = sweep(HOUR, LATER)
    for team in teams:
        jobs = told[team]
        assert len(jobs) == 1, jobs
        to, subject, body = jobs[0]
        assert to == team_email(db, team)
        assert subject.startswith("Overdue in ")
        for ref in refs:
            line = next(x for x in body.splitlines() if x.startswith(ref))
            assert "| Noise" in line and "| risk standard |" in line
            assert re.search(r"triage overdue by (2|3) hours?", line), line
            assert "first action" not in line
        assert f"https://concord.example/staff/queues/{team_code(db, team)}\n" in body
    for ref in refs:
        assert set(allocations(db, ref).values()) == {(True, False)}

    # Sent once: the next sweep has nothing new on that clock ...
    assert not any(mentioning(sweep(HOUR, LATER), ref) for ref in refs)
    # ... and the first action, once past its own target, is told once too.
    told = sweep(HOUR, HOUR)
    for team in teams:
        [(_, _, body)] = told[team]
        for ref in refs:
            line = next(x for x in body.splitlines() if x.startswith(ref))
            assert "first action overdue by" in line and "triage" not in line
    for ref in refs:
        assert set(allocations(db, ref).values()) == {(True, True)}
    assert not any(mentioning(sweep(HOUR, HOUR), ref) for ref in refs)


@pytest.fixture
def own_team(db):
    """A team with no address of its own, two active members and a
    disabled one; removed afterwards."""
    tag = uuid.uuid4().hex[:8]
    with db.cursor() as c:
        c.execute("INSERT INTO team (agency_id, code, name) SELECT id, %s, %s "
                  "FROM agency WHERE code = 'city-police' RETURNING id",
                  (f"t-{tag}", f"Test team {tag}"))
        team = c.fetchone()[0]
        users = []
        for n, disabled in ((1, False), (2, False), (3, True)):
            c.execute("INSERT INTO app_user (agency_id, team_id, email, name, disabled_at) "
                      "SELECT agency_id, id, %s, %s, CASE WHEN %s THEN now() END "
                      "FROM team WHERE id = %s RETURNING id",
                      (f"m{n}-{tag}@police.example", f"Member {n}", disabled, team))
            users.append(c.fetchone()[0])
    yield team, tag
    with db.cursor() as c:
        c.execute("UPDATE incident SET team_id = NULL WHERE team_id = %s", (team,))
        c.execute("DELETE FROM incident_allocation WHERE team_id = %s", (team,))
        c.execute("DELETE FROM app_user WHERE id = ANY (%s)", (users,))
        c.execute("DELETE FROM team WHERE id = %s", (team,))


def allocate_to(db, ref, team):
    with db.cursor() as c:
        c.execute("INSERT INTO incident_allocation (incident_id, team_id, kind, reason) "
                  "SELECT id, %s, 'reallocated', 'test' FROM incident WHERE reference = %s",
                  (team, ref))


def test_a_team_with_no_address_tells_each_active_member(db, own_team):
    team, tag = own_team
    ref = report(db, 6)
    allocate_to(db, ref, team)
    make_old(db, ref)
    told = sweep(HOUR, LATER)
    assert sorted(to for to, _, _ in told[team]) == [f"m1-{tag}@police.example",
                                                     f"m2-{tag}@police.example"]
    assert all(ref in body for _, _, body in told[team])
    assert allocations(db, ref)[team] == (True, False)


def test_a_team_no_one_can_be_told_of_keeps_its_items_untold(db, own_team):
    team, tag = own_team
    with db.cursor() as c:
        c.execute("UPDATE app_user SET disabled_at = now() WHERE team_id = %s", (team,))
    ref = report(db, 7)
    allocate_to(db, ref, team)
    make_old(db, ref)
    told = sweep(HOUR, LATER)
    assert team not in told
    assert allocations(db, ref)[team] == (False, False)
    # Once it has an address, it is told.
    with db.cursor() as c:
        c.execute("UPDATE team SET email = %s WHERE id = %s", (f"{tag}@police.example", team))
    [(to, _, body)] = sweep(HOUR, LATER)[team]
    assert to == f"{tag}@police.example" and ref in body


def test_closed_incidents_and_imported_history_are_never_told(db):
    closed, imported = report(db, -1), report(db, 1)
    with db.cursor() as c:
        c.execute("UPDATE incident SET status = 'closed' WHERE reference = %s", (closed,))
        c.execute("UPDATE incident SET channel = 'import' WHERE reference = %s", (imported,))
    for ref in (closed, imported):
        make_old(db, ref)
    told = sweep(HOUR, HOUR)
    for ref in (closed, imported):
        assert allocations(db, ref), "allocated at creation"
        assert not mentioning(told, ref)
        assert set(allocations(db, ref).values()) == {(False, False)}


def test_two_sweeps_at_once_tell_each_item_once(db):
    ref = report(db, 3)
    make_old(db, ref)
    first = psycopg2.connect(read_conf()["db_admin"])
    second = psycopg2.connect(read_conf()["db_admin"])
    try:
        told_first = sweep_in(first, HOUR, LATER)
        assert mentioning(told_first, ref)
        # The first has not committed: the second passes its items by
        # rather than waiting for them (SKIP LOCKED), so it cannot block.
        with second.cursor() as c:
            c.execute("SET statement_timeout = '5s'")
        assert not mentioning(sweep_in(second, HOUR, LATER), ref)
        second.commit()
        first.commit()
        # Nor does a sweep after the first committed tell them again.
        assert not mentioning(sweep_in(second, HOUR, LATER), ref)
        second.commit()
    finally:
        first.close()
        second.close()
    with db.cursor() as c:
        # One audit row per team told, none twice.
        c.execute("SELECT a.team_id, count(e.id) FROM incident_allocation a "
                  "JOIN incident i ON i.id = a.incident_id "
                  "LEFT JOIN audit_event e ON e.action = 'overdue_notice' "
                  "AND e.entity_id = a.team_id::text "
                  "AND e.after->'allocations' @> to_jsonb(a.id) "
                  "WHERE i.reference = %s GROUP BY a.team_id", (ref,))
        counts = c.fetchall()
        assert counts and all(n == 1 for _, n in counts), counts


def test_the_running_worker_tells_the_team_when_an_item_goes_overdue(db, services):
    """End to end, with the config's targets: triage within 24 hours for an
    incident not assessed. The worker sweeps every minute and two seconds
    after it starts: started again, it need not be waited a minute for."""
    ref = report(db, 4)
    make_old(db, ref, hours=25)
    teams = set(allocations(db, ref))
    services.stop("worker")
    services.start("worker")
    wait_for(lambda: set(allocations(db, ref).values()) == {(True, False)}, timeout=30,
             interval=0.2, what="the worker's sweep")
    outbox = read_conf()["mail_outbox"]

    def mails():
        found = []
        for name in os.listdir(outbox):
            if name.endswith(".eml"):
                with open(os.path.join(outbox, name), errors="replace") as f:
                    text = f.read()
                if ref in text:
                    found.append(text)
        return len(found) == len(teams) and found
    found = wait_for(mails, timeout=15, what="one mail per team")
    for team in teams:
        [text] = [t for t in found if f"/staff/queues/{team_code(db, team)}\n" in t]
        assert f"To: {team_email(db, team)}" in text
        assert re.search(re.escape(ref) + r" \|.*\| triage overdue by 1 hour", text), text
        assert read_conf()["public_url"] + f"/staff/queues/{team_code(db, team)}" in text


@pytest.mark.parametrize("late, words", [
    ("0 seconds", "less than a minute"), ("59 seconds", "less than a minute"),
    ("1 minute", "1 minute"), ("12 minutes 30 seconds", "12 minutes"),
    ("1 hour", "1 hour"), ("1 hour 1 minute", "1 hour 1 minute"),
    ("3 hours 5 minutes", "3 hours 5 minutes"), ("1 day", "1 day"),
    ("2 days 3 hours 59 minutes", "2 days 3 hours"), ("40 days 1 hour", "40 days 1 hour"),
])
def test_how_late_in_words(db, late, words):
    with db.cursor() as c:
        c.execute("SELECT overdue_words(%s::interval)", (late,))
        assert c.fetchone()[0] == words
