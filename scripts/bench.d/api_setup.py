"""For `scripts/bench api`: the bench's CAD clients and its signed requests.

    api_setup.py client NAME [WEBHOOK_URL]
        makes a CAD client of city-police (both scopes, the type code "N"
        for noise) as concordctl api-client add does, and prints
        "KEY_ID SECRET"
    api_setup.py requests KEY_ID SECRET COUNT FILE
        writes COUNT signed creates, one a line for api_create.lua:
        "TIMESTAMP NONCE SIGNATURE IDEMPOTENCY_KEY BODY" (the body is compact
        JSON, with no spaces), each at a random point of the City and with
        a log number, so that they spread over beats and are not
        duplicates of each other; no caller, as one caller in every create
        (and in every replay of the captured SQL, which keeps its values)
        would make each a repeat victim of all the others before it. The timestamps are now: the file is good
        for five minutes.
    api_setup.py once KEY_ID SECRET IDEMPOTENCY_KEY REF_FILE
        sends one more such create and writes the reference it made

Environment: CONCORD_URL, CONCORD_VAR, CONCORD_CONF as scripts/test sets
them for the tests (scripts/bench sets them for the stack it measures).
"""
import json
import os
import random
import secrets
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "integration"))

import psycopg2  # noqa: E402

import cad  # noqa: E402
from stack import read_conf  # noqa: E402

# Inside the City of London (the demo partnership): a point outside it
# is refused by the intake, as from every channel.
BOX = (-0.100, -0.080, 51.5125, 51.5175)
PATH = "/api/v1/incidents"


def body(n):
    lon = random.uniform(BOX[0], BOX[1])
    lat = random.uniform(BOX[2], BOX[3])
    return json.dumps({
        "type": "N",
        # The force's own format (its agency row), a number a request.
        "log_number": time.strftime("CAD-%Y%m%d-", time.gmtime()) + "%04d" % (n % 10000),
        "description": "Bench call: loud music from a flat, repeated over the evening",
        "location": {"lat": round(lat, 6), "lon": round(lon, 6)},
    }, separators=(",", ":")).encode()


def client(name, webhook=None):
    db = psycopg2.connect(read_conf()["db_admin"])
    db.autocommit = True
    c = cad.make_client(db, name=f"{name}-{secrets.token_hex(3)}", webhook_url=webhook,
                        mappings={"types": {"N": "noise"}})
    db.close()
    print(c.key_id, c.secret)


def requests_file(key_id, secret, count, path):
    ts = int(time.time())
    with open(path, "w") as f:
        for n in range(count):
            b = body(n)
            nonce = secrets.token_urlsafe(18)
            sig = cad.signature(secret, "POST", PATH, "", ts, nonce, b)
            f.write(f"{ts} {nonce} {sig} {secrets.token_hex(16)} {b.decode()}\n")


def once(key_id, secret, idem, ref_file):
    c = cad.Client(0, 0, key_id, secret, "bench")
    r = c.post(PATH, json=json.loads(body(0)), headers={"Idempotency-Key": idem})
    if r.status_code != 201:
        sys.exit(f"POST {PATH} answered {r.status_code}: {r.text[:300]}")
    with open(ref_file, "w") as f:
        f.write(r.json()["reference"])


if __name__ == "__main__":
    cmd = sys.argv[1:2]
    if cmd == ["client"]:
        client(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    elif cmd == ["requests"]:
        requests_file(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
    elif cmd == ["once"]:
        once(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    else:
        sys.exit(__doc__)
