"""Drafts for `scripts/bench report`: one finished draft of the public form
per kind of ASB, made by walking the form over HTTP as a person would
(every question answered), then copied in Redis as many times as the
benchmark needs, each copy with its own draft token, CSRF token,
idempotency key and point — what pages/report_draft.c would have stored
for that many people who each got as far as the check page.

    report_setup.py URL REDIS_SOCKET N OUT LON_MIN LON_MAX LAT_MIN LAT_MAX
    report_setup.py --delete REDIS_SOCKET OUT

Writes OUT: one line per draft, "draft-token csrf-token idempotency-key";
--delete removes those drafts from Redis again.
The points are spread at random over the box given (which must lie inside
the partnership's area)."""
import datetime
import hashlib
import json
import random
import re
import secrets
import sys

import redis
import requests

DRAFT_SECONDS = 86400          # REPORT_DRAFT_SECONDS
TEXTS = ("2", "9pm", "Seen from the bench window")   # number, time, text


def csrf_of(html):
    m = re.search(r'name="csrf" value="([0-9a-f]{64})"', html)
    if not m:
        sys.exit("report_setup: no CSRF token on the page")
    return m.group(1)


class Walker:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.s = requests.Session()

    def get(self, path):
        r = self.s.get(self.base + path, allow_redirects=False)
        if r.status_code != 200:
            sys.exit(f"report_setup: GET {path}: HTTP {r.status_code}")
        return r.text

    def post(self, path, data, ok=(303,)):
        """Posts a step with the page's CSRF token; returns (status, next)."""
        form = dict(data, csrf=csrf_of(self.get(path)))
        r = self.s.post(self.base + path, data=form, allow_redirects=False)
        if r.status_code not in ok + (400,):
            sys.exit(f"report_setup: POST {path}: HTTP {r.status_code}")
        return r.status_code, r.headers.get("Location", "")

    def step(self, path, data):
        status, nxt = self.post(path, data)
        if status != 303:
            sys.exit(f"report_setup: POST {path} refused {data}")
        return nxt

    def answer(self, path):
        """Answers one question page whatever its kind, as a person would."""
        html = self.get(path)
        if 'name="answer-day"' in html:
            d = datetime.date.today() - datetime.timedelta(days=1)
            return self.step(path, {"answer-day": d.day, "answer-month": d.month,
                                    "answer-year": d.year})
        m = re.search(r'name="answer" type="(?:radio|checkbox)" value="([^"]+)"', html) \
            or re.search(r'type="(?:radio|checkbox)"[^>]* name="answer"[^>]* value="([^"]+)"',
                         html)
        if m:   # with the option's follow-up, should it ask one
            return self.step(path, {"answer": m.group(1), "detail-" + m.group(1): "Bench"})
        for text in TEXTS:
            status, nxt = self.post(path, {"answer": text})
            if status == 303:
                return nxt
        sys.exit(f"report_setup: could not answer {path}")

    def evidence(self):
        """The evidence step, when the form has one: no files. It is
        optional, so the check page follows whatever it answers."""
        html = self.get("/report/evidence")
        parts = [("csrf", (None, csrf_of(html))),
                 ("evidence", ("", b"", "application/octet-stream")),
                 ("action", (None, "continue"))]
        self.s.post(self.base + "/report/evidence", files=parts, allow_redirects=False)
        return "/report/check"

    def walk(self, top, sub, lon, lat):
        """The whole form for one kind; returns the draft's token."""
        self.get("/report")
        self.get("/report/type")
        nxt = self.step("/report/type", {"type": top})
        if nxt == "/report/subtype":
            nxt = self.step("/report/subtype", {"type": sub})
        while nxt.startswith("/report/questions/"):
            nxt = self.answer(nxt)
        if nxt == "/report/description":
            nxt = self.step(nxt, {"description": "Loud music and shouting until 3am."})
        if nxt == "/report/triage":
            nxt = self.step(nxt, {"happening-now": "no", "vulnerable": "no",
                                  "targeted": "no", "happened-before": "yes"})
        if nxt != "/report/when":
            sys.exit(f"report_setup: {sub}: expected /report/when, got {nxt}")
        d = datetime.date.today() - datetime.timedelta(days=1)
        nxt = self.step("/report/when", {"when": "once", "occurred-day": d.day,
                                         "occurred-month": d.month, "occurred-year": d.year,
                                         "occurred-time": "22:15"})
        nxt = self.step(nxt, {"address-line-1": "10 Wood Street", "address-town": "London",
                              "address-postcode": "EC2V 7AA", "lon": lon, "lat": lat})
        nxt = self.step(nxt, {"impact": "We cannot sleep.", "feels-unsafe": "yes"})
        # Named, with an e-mail address: the transaction then also writes
        # the person and queues the confirmation mail (outbox).
        nxt = self.step(nxt, {"identity": "named", "given-name": "Bench",
                              "family-name": "Mark", "email": "bench@example.com",
                              "phone": "", "contact": "email", "updates": "yes",
                              "for-someone-else": "no", "share": "yes", "website": ""})
        if nxt == "/report/evidence":
            nxt = self.evidence()
        if nxt != "/report/check":
            sys.exit(f"report_setup: {sub}: expected /report/check, got {nxt}")
        self.get("/report/check")          # makes the idempotency key
        token = self.s.cookies.get("concord_draft")
        self.s.cookies.clear()
        return token


def kinds(w):
    """(top, sub) for every kind of ASB the form offers."""
    out = []
    w.get("/report")
    for top in re.findall(r'name="type" type="radio" value="([^"]+)"', w.get("/report/type")):
        nxt = w.step("/report/type", {"type": top})
        if nxt == "/report/subtype":
            subs = re.findall(r'name="type" type="radio" value="([^"]+)"',
                              w.get("/report/subtype"))
            out += [(top, s) for s in subs]
        else:
            out.append((top, top))
    w.s.cookies.clear()
    return out


def delete(sock, drafts):
    """Removes the drafts listed in the file (used, or left over)."""
    rds = redis.Redis(unix_socket_path=sock)
    with open(drafts) as f, rds.pipeline(transaction=False) as p:
        for i, line in enumerate(f):
            token = line.split()[0]
            p.delete("concord:draft:" + hashlib.sha256(token.encode()).hexdigest())
            if i % 1000 == 999:
                p.execute()
        p.execute()


def main():
    if sys.argv[1] == "--delete":
        return delete(sys.argv[2], sys.argv[3])
    base, sock, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    lon_min, lon_max, lat_min, lat_max = map(float, sys.argv[5:9])
    rds = redis.Redis(unix_socket_path=sock)
    w = Walker(base)
    mid = ("%.6f" % ((lon_min + lon_max) / 2), "%.6f" % ((lat_min + lat_max) / 2))
    templates = []
    for top, sub in kinds(w):
        key = "concord:draft:" + hashlib.sha256(w.walk(top, sub, *mid).encode()).hexdigest()
        doc = rds.get(key)
        if doc is None:
            sys.exit(f"report_setup: the draft for {sub} is not in Redis")
        templates.append(json.loads(doc))
    rnd = random.Random(4)
    with open(out, "w") as f, rds.pipeline(transaction=False) as p:
        for i in range(n):
            doc = dict(templates[i % len(templates)])
            doc.pop("result", None)
            doc["idem"] = secrets.token_hex(16)
            doc["lon"] = "%.6f" % rnd.uniform(lon_min, lon_max)
            doc["lat"] = "%.6f" % rnd.uniform(lat_min, lat_max)
            token = secrets.token_hex(32)
            p.set("concord:draft:" + hashlib.sha256(token.encode()).hexdigest(),
                  json.dumps(doc, separators=(",", ":")), ex=DRAFT_SECONDS)
            f.write(f"{token} {secrets.token_hex(32)} {doc['idem']}\n")
            if i % 1000 == 999:
                p.execute()
        p.execute()
    print(f"{n} drafts of {len(templates)} kinds of ASB")


if __name__ == "__main__":
    main()
