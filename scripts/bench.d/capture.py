"""Turns what concord_app ran for one request into a pgbench script, for
`scripts/bench intake`: the same statements, in the same order, with the
same parameter values, as prepared statements with parameters (pgbench -M
prepared), so pgbench measures the request's SQL exactly as the app sent it.

    capture.py [--box LON_MIN,LON_MAX,LAT_MIN,LAT_MAX] [--join ID,LO,HI]
               LOG OFFSET DSN SCRIPT ARGS [REFERENCE [UNIQUE...]]

LOG is PostgreSQL's log, written with log_statement = 'all' from byte
OFFSET on while the request ran; DSN connects as a superuser (to look up
the ids the request's inserts made). SCRIPT gets the pgbench script, ARGS
its -D options (NUL-separated, for mapfile -d ''). REFERENCE, when the
request made an incident or report, is its reference; each UNIQUE is
another value the request stored under a unique constraint (an
idempotency key).

Replaying the values as they were would make every transaction touch the
rows the captured request made, and a unique reference fail. So:
  * an id that an INSERT ... RETURNING id of the request made, where a later
    statement passes it, comes from that INSERT in the replay (\\gset);
  * a parameter equal to REFERENCE becomes a fresh one ('ASB-9999-' and
    twelve random digits: no collision with the sequence's), and one equal
    to a UNIQUE value gets '-' and those digits added;
  * an array of ids ('{152}') holding such an id is built from it the same way;
  * with --box, the request's point (the first ST_MakePoint's two
    parameters, wherever those values are passed) becomes a random one in
    the box per transaction, and the keys of the dedup
    locks (pg_advisory_xact_lock), which follow the point, random ones, so
    that replays spread over the box as reports do instead of piling onto
    one incident and one lock;
  * with --join, the incident ID the request joined becomes a random one
    of LO..HI (every id of which must be an incident) per transaction, so
    that replays of a report that joined spread over incidents as reports
    do, instead of all updating one;
  * every other value is passed as the app passed it.
Colons that pgbench would take for its variables (':MI' in a to_char
format) are split off in the SQL text ('HH24' || ':' || 'MI': the same
constant once planned).
"""
import re
import sys

import psycopg2

RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] "
                    r"(\S*)@(\S*) ([A-Z]+):  (.*)$")
PARAM = re.compile(r"\$(\d+) = (NULL|'((?:[^']|'')*)')(?:, |$)", re.S)
INSERT_ID = re.compile(r"^\s*INSERT\s+INTO\s+([\w.]+).*\bRETURNING\s+(?:\w+\.)?id\b",
                       re.S | re.I)
PLACEHOLDER = re.compile(r"\$(\d+)")
ID_ARRAY = re.compile(r"^\{(\d+(?:,\d+)*)\}$")
USER = "concord_app"


def records(log):
    """(pid, user, level, message) of each log record, continuation lines
    (which start with a tab) joined to theirs."""
    out = []
    for line in log.split("\n"):
        m = RECORD.match(line)
        if m:
            out.append(list(m.groups()[:2]) + [m.group(4), m.group(5)])
        elif line.startswith("\t") and out:
            out[-1][3] += "\n" + line[1:]
    return out


def commands(recs, marks):
    """[sql, params] of concord_app's statements, of the one backend that
    ran them (a request is served by one worker). When others ran some too
    (the mail worker sending what the benchmark queued), the request's
    backend is the one that passed one of `marks` (its reference or
    idempotency key)."""
    mine = [r for r in recs if r[1] == USER]
    pids = {r[0] for r in mine}
    if len(pids) > 1 and marks:
        pids = {r[0] for r in mine if r[2] == "DETAIL" and any(
            f"'{m}'" in r[3] for m in marks)}
        mine = [r for r in mine if r[0] in pids]
    errors = [r[3] for r in mine if r[2] in ("ERROR", "FATAL")]
    if errors:
        sys.exit("capture: the request's SQL failed: " + errors[0])
    if len(pids) != 1:
        sys.exit(f"capture: expected one backend's statements, found {len(pids)}")
    cmds = []
    for _, _, level, msg in mine:
        if level == "LOG" and msg.startswith("statement: "):
            cmds.append([msg[len("statement: "):], {}, False])
        elif level == "LOG" and msg.startswith("execute "):
            cmds.append([msg.split(": ", 1)[1], {}, True])
        elif level == "DETAIL" and msg.startswith("parameters: ") and cmds:
            rest = msg[len("parameters: "):]
            for m in PARAM.finditer(rest):
                cmds[-1][1][int(m.group(1))] = (None if m.group(2) == "NULL"
                                                else m.group(3).replace("''", "'"))
    if not cmds:
        sys.exit("capture: no statements of concord_app in the log")
    return cmds


def pgbench_safe(sql):
    """sql with every ':' that pgbench would read as a variable made
    harmless: inside a string literal split off (the literal in brackets,
    so that a cast after it still applies to all of it), outside it spaced."""
    out, i, start, split = [], 0, None, False
    while i < len(sql):
        c, nxt = sql[i], sql[i + 1:i + 2]
        if c == "'" and start is not None and nxt == "'":
            out.append("''")
            i += 2
            continue
        if c == "'" and start is None:
            start, split = len(out), False
        elif c == "'":
            if split:
                out.insert(start, "(")
                out.append("')")
                start = None
                i += 1
                continue
            start = None
        elif c == ":" and nxt == ":" and start is None:
            out.append("::")
            i += 2
            continue
        elif c == ":" and (nxt.isalnum() or nxt == "_"):
            if start is not None:
                split = True
            out.append("' || ':' || '" if start is not None else ": ")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def new_ids(dsn, cmds):
    """{index of an INSERT ... RETURNING id: the id it made}."""
    tables = {}
    for k, (sql, _, _) in enumerate(cmds):
        m = INSERT_ID.match(sql)
        if m:
            tables.setdefault(m.group(1), []).append(k)
    made = {}
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        for table, ks in tables.items():
            cur.execute(f"SELECT id FROM {psycopg2.extensions.quote_ident(table, cur)} "
                        "ORDER BY id DESC LIMIT %s", (len(ks),))
            ids = [str(r[0]) for r in reversed(cur.fetchall())]
            made.update(zip(ks, ids))
    return made


MAKE_POINT = re.compile(r"ST_MakePoint\(\$(\d+)::float8, \$(\d+)::float8\)")


def point_of(argv, cmds):
    """(lon, lat, [pgbench \\set lines]) with --box, else None."""
    if argv is None:
        return None
    x0, x1, y0, y1 = argv.split(",")
    found = [(p.get(int(m.group(1))), p.get(int(m.group(2))))
             for sql, p, _ in cmds for m in [MAKE_POINT.search(sql)] if m]
    if not found or None in found[0]:
        sys.exit("capture: --box, but the request passed no point")
    lon, lat = found[0]
    span = lambda a, b: int(round((float(b) - float(a)) * 1e6))
    lines = [rf"\set bench_lon_u random(0, {span(x0, x1)})",
             rf"\set bench_lat_u random(0, {span(y0, y1)})",
             rf"\set bench_lon {x0} + :bench_lon_u / 1000000.0",
             rf"\set bench_lat {y0} + :bench_lat_u / 1000000.0"]
    return lon, lat, lines


def main():
    argv, box, join = sys.argv, None, None
    while len(argv) > 2 and argv[1] in ("--box", "--join"):
        if argv[1] == "--box":
            box = argv[2]
        else:
            join = argv[2].split(",")
        argv = argv[:1] + argv[3:]
    log_path, offset, dsn, script_path, args_path = argv[1:6]
    reference = argv[6] if len(argv) > 6 else None
    unique = set(argv[7:])
    with open(log_path, "rb") as f:
        f.seek(int(offset))
        log = f.read().decode("utf-8", "replace")
    cmds = commands(records(log), [m for m in [reference, *unique] if m])
    made = new_ids(dsn, cmds)
    point = point_of(box, cmds)
    lines = ["-- generated by scripts/bench intake (scripts/bench.d/capture.py):",
             "-- what concord_app ran for one request, in order"]
    if reference or unique:
        lines.append(r"\set bench_refn random(100000000000, 999999999999)")
    sets = list(point[2]) if point else []
    args, ids, known = [], {}, set()
    if join:
        sets.append(rf"\set bench_join random({join[1]}, {join[2]})")
        ids[join[0]] = "bench_join"
    pipelined = None
    for k, (sql, params, extended) in enumerate(cmds):
        locks = point and "pg_advisory_xact_lock" in sql
        def value(m):
            n = int(m.group(1))
            if n not in params:
                return m.group(0)
            v = params[n]
            if v is None:
                return "NULL"
            if v == "":
                return "''"  # pgbench -D takes no empty value
            if reference and v == reference:
                return "('ASB-9999-' || :bench_refn)"
            if v in ids:
                return ":" + ids[v]
            if point and v in point[:2]:
                return ":bench_lon" if v == point[0] else ":bench_lat"
            a = ID_ARRAY.match(v)
            if a and locks:
                keys = a.group(1).split(",")
                sets.extend(rf"\set bench_k{k}_{j} random(1, 2147483647)"
                            for j in range(len(keys)))
                return "('{' || " + " || ',' || ".join(
                    f":bench_k{k}_{j}" for j in range(len(keys))) + " || '}')"
            if a and any(x in ids for x in a.group(1).split(",")):
                return "('{' || " + " || ',' || ".join(
                    ":" + ids[x] if x in ids else f"'{x}'"
                    for x in a.group(1).split(",")) + " || '}')"
            if f"p{k}_{n}={v}" not in args:
                args.append(f"p{k}_{n}={v}")
            if v in unique:
                return f"(:p{k}_{n} || '-' || :bench_refn)"
            return f":p{k}_{n}"
        text = PLACEHOLDER.sub(value, pgbench_safe(sql).rstrip().rstrip(";"))
        known.update(v for v in params.values() if v is not None and v not in ids)
        if k in made and made[k] in known:
            # An id the request already had in hand (a user's, an agency's)
            # equals this new one: which later use is which cannot be told.
            print(f"capture: the new id {made[k]} from statement {k} is also an "
                  "earlier value: its uses are replayed as captured", file=sys.stderr)
            lines.append(text + ";")
        elif k in made and made[k] in ids:
            # Two inserts made the same id (a person's and a report's, when
            # their sequences run in step): which later use is which cannot
            # be told. They stay the first one's, which keeps the rows that
            # point at a person at a new person each time (replayed as
            # captured, one person would gather every replay's incidents).
            print(f"capture: the new id {made[k]} from statement {k} is also one "
                  "from an earlier insert: its later uses are taken as the earlier's",
                  file=sys.stderr)
            lines.append(text + ";")
        elif k in made:
            lines.append(f"{text} \\gset r{k}_")
            ids[made[k]] = f"r{k}_id"
        else:
            lines.append(text + ";")
        # A BEGIN sent with the extended protocol went in one round trip
        # with the statement after it (store/pg.c, pg_begin_exec): the
        # replay sends them so too, unless that one's ids are needed.
        if pipelined is not None:
            if lines[-1].endswith(";"):
                lines.insert(pipelined, "\\startpipeline")
                lines.append("\\endpipeline")
            pipelined = None
        elif extended and sql.strip().rstrip(";").upper() == "BEGIN":
            pipelined = len(lines) - 1
    head = 3 if reference or unique else 2
    lines[head:head] = sets
    with open(script_path, "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(args_path, "wb") as f:
        for a in args:
            if "\0" in a:
                sys.exit("capture: a parameter holds a NUL byte")
            f.write(b"-D\0" + a.encode() + b"\0")
    print(f"{len(cmds)} statements, {len(args)} parameters, {len(made)} ids made")


if __name__ == "__main__":
    main()
