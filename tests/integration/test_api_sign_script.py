"""README "Signing a request": the shell recipe it shows is the one
scripts/api-sign runs, and that script, with the demo CAD client from
demo-clients.json, gets 200 from GET /api/v1/client."""
import json
import os
import re
import subprocess

from stack import CONF, ROOT, URL

SCRIPT = os.path.join(ROOT, "scripts", "api-sign")


def readme_recipe():
    with open(os.path.join(ROOT, "README.md")) as f:
        text = f.read()
    section = text.split("### Signing a request", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def demo_cad():
    with open(os.path.join(os.path.dirname(CONF), "demo-clients.json")) as f:
        return json.load(f)["cad"]


def sign(*args, key_id=None, secret=None):
    cad = demo_cad()
    env = dict(os.environ, CONCORD_URL=URL, CONCORD_KEY_ID=key_id or cad["key_id"],
               CONCORD_SECRET=secret or cad["secret"])
    return subprocess.run(["sh", SCRIPT, *args], env=env, capture_output=True, text=True,
                          timeout=30)


def test_the_readme_shows_the_script_s_own_commands():
    with open(SCRIPT) as f:
        script = f.read()
    blocks = readme_recipe()
    assert len(blocks) >= 2
    for block in blocks[:2]:
        assert block in script, block


def test_the_recipe_signs_a_call_the_server_accepts():
    r = sign("GET", "/api/v1/client")
    assert r.returncode == 0, r.stderr + r.stdout
    body = json.loads(r.stdout)
    assert body["name"] == "demo-cad" and body["key_id"] == demo_cad()["key_id"]


def test_the_recipe_signs_the_query_too():
    r = sign("GET", "/api/v1/client?a=1&b=x%20y")
    assert r.returncode == 0, r.stderr + r.stdout


def test_a_wrong_secret_is_refused():
    secret = demo_cad()["secret"]
    r = sign("GET", "/api/v1/client", secret=secret[:-1] + ("A" if secret[-1] != "A" else "B"))
    assert r.returncode == 22
    assert json.loads(r.stdout)["code"] == "signature_invalid"


def test_the_demo_types_are_its_mapped_codes():
    cad = demo_cad()
    assert sorted(cad["types"]) == ["ASB-D", "ASB-N", "ASB-R"]
    assert cad["mappings"]["types"]["ASB-N"] == "noise"


def test_demo_again_keeps_the_demo_cad_key():
    from stack import ctl
    before = demo_cad()
    ctl("demo", "partnership")
    after = demo_cad()
    assert (after["key_id"], after["secret"]) == (before["key_id"], before["secret"])
    assert sign("GET", "/api/v1/client").returncode == 0
