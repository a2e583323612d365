"""The production nginx template (nginx/production.conf.example): nginx
accepts it once the CHANGE lines are filled in, every POST that anyone may
make without signing in (the route table's public POST routes: the report
form, staff sign-in, Open311) falls under a rate-limited location, and its
access log, like the development one, keeps no query string."""
import os
import re
import shutil
import subprocess

import pytest

from stack import BUILD, ROOT

TEMPLATE = os.path.join(ROOT, "nginx", "production.conf.example")
DEV_TEMPLATE = os.path.join(ROOT, "nginx", "concord.conf.in")
POST_ZONES = {"concord_post", "concord_open311"}


def tokens(text):
    """nginx's configuration as words, ';', '{' and '}' (comments dropped,
    quotes kept off the words)."""
    out = []
    for m in re.finditer(r'#[^\n]*|"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([{};])|([^\s{};"\'#]+)', text):
        if m.group(0).startswith("#"):
            continue
        if m.group(3):
            out.append(m.group(3))
        else:
            out.append(("w", next(g for g in (m.group(1), m.group(2), m.group(4))
                                  if g is not None)))
    return out


def parse(toks, i=0):
    """A block's directives as (words, children-or-None), and where it ended."""
    items, words = [], []
    while i < len(toks):
        t = toks[i]
        if t == ";":
            items.append((words, None))
            words = []
        elif t == "{":
            children, i = parse(toks, i + 1)
            items.append((words, children))
            words = []
        elif t == "}":
            return items, i
        else:
            words.append(t[1])
        i += 1
    return items, i


def https_server():
    with open(TEMPLATE) as f:
        conf, _ = parse(tokens(f.read()))
    servers = [c for w, c in conf if w == ["server"]]
    for s in servers:
        if any(w[:1] == ["listen"] and "ssl" in w for w, _ in s):
            return conf, s
    raise AssertionError("no HTTPS server block in the template")


def locations(server):
    """(modifier, pattern, directives) in the order written."""
    out = []
    for words, children in server:
        if words[:1] == ["location"] and children is not None:
            mod, pat = (words[1], words[2]) if len(words) == 3 else ("", words[1])
            out.append((mod, pat, children))
    return out


def location_for(locs, path):
    """The location nginx picks for path: an exact match; else the longest
    prefix, unless a regular expression (in order) matches first."""
    for mod, pat, body in locs:
        if mod == "=" and pat == path:
            return pat, body
    prefixes = [(pat, mod, body) for mod, pat, body in locs
                if mod in ("", "^~") and path.startswith(pat)]
    best = max(prefixes, key=lambda p: len(p[0]), default=None)
    if best is not None and best[1] == "^~":
        return best[0], best[2]
    for mod, pat, body in locs:
        if mod in ("~", "~*") and re.search(pat, path, re.I if mod == "~*" else 0):
            return pat, body
    assert best is not None, f"no location for {path}"
    return best[0], best[2]


def public_posts():
    out = subprocess.run([os.path.join(BUILD, "concord-fcgi"), "--routes"],
                         capture_output=True, text=True, timeout=30, check=True)
    rows = [line.split("\t") for line in out.stdout.splitlines()]
    paths = [re.sub(r"\{[^}]+\}", "1", p) for m, p, perm in rows
             if m == "POST" and perm == "public"]
    assert "/staff/sign-in" in paths and "/open311/v2/requests.json" in paths, paths
    return paths


def test_every_public_post_is_rate_limited():
    _, server = https_server()
    locs = locations(server)
    for path in public_posts():
        pat, body = location_for(locs, path)
        zones = {w[1].split("=", 1)[1] for w, _ in body
                 if w[:1] == ["limit_req"] and w[1].startswith("zone=")}
        assert zones & POST_ZONES, (path, pat, zones)


def test_the_post_zones_count_only_posts():
    conf, _ = https_server()
    zones = {}
    for words, _ in conf:
        if words[:1] == ["limit_req_zone"]:
            name = [w for w in words if w.startswith("zone=")][0][5:].split(":")[0]
            zones[name] = words[1]
    for z in POST_ZONES:
        assert zones.get(z) == "$concord_post_key", (z, zones)


@pytest.mark.parametrize("template", [TEMPLATE, DEV_TEMPLATE])
def test_the_access_log_keeps_no_query_string(template):
    with open(template) as f:
        text = f.read()
    fmt = re.search(r"log_format concord[^;]*;", text).group(0)
    assert "$request_uri" not in fmt and "$args" not in fmt and "$query_string" not in fmt
    assert "$request\"" not in fmt and "$request," not in fmt
    assert re.search(r'map \$request_uri \$concord_log_uri \{\s*"~\^\(\?<concord_path>\[\^\?\]\*\)"',
                     text), "the logged uri must be the path alone"


def test_nginx_accepts_the_production_template(tmp_path):
    """nginx -t on the template with its CHANGE paths pointed at a scratch
    folder and a throw-away certificate."""
    if shutil.which("nginx") is None:
        pytest.fail("nginx is not installed: the stack needs it")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=concord.test", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    with open(TEMPLATE) as f:
        text = f.read()
    for old, new in (("/etc/ssl/concord/fullchain.pem", str(cert)),
                     ("/etc/ssl/concord/privkey.pem", str(key)),
                     ("/var/log/nginx/", f"{tmp_path}/"),
                     ("/opt/concord/", f"{ROOT}/"),
                     ("/var/lib/concord/evidence/", f"{tmp_path}/evidence/"),
                     ("/run/concord/concord.sock", f"{tmp_path}/concord.sock")):
        assert old in text, old
        text = text.replace(old, new)
    (tmp_path / "concord.conf").write_text(text)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{\n    include /etc/nginx/mime.types;\n    include {tmp_path}/concord.conf;\n}}\n")
    r = subprocess.run(["nginx", "-t", "-q", "-c", str(tmp_path / "nginx.conf"),
                        "-p", str(tmp_path), "-e", str(tmp_path / "error.log")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
