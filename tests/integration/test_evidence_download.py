"""Staff download evidence only through the app's check, audited, with the
file itself streamed by nginx (X-Accel-Redirect)."""
import hashlib
import os

import pytest

from stack import URL, read_conf
from staff import as_role

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
       b"\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02"
       b"\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def evidence(db):
    """A stored photo on the police-only demo incident."""
    sha = hashlib.sha256(PNG).hexdigest()
    folder = os.path.join(read_conf()["evidence_dir"], sha[:2], sha[2:4])
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, sha), "wb") as f:
        f.write(PNG)
    os.chmod(os.path.join(folder, sha), 0o644)
    with db.cursor() as cur:
        cur.execute("INSERT INTO evidence (incident_id, sha256, size, media_type, category, "
                    "original_name, owning_agency_id, sharing, shared_with) "
                    "SELECT i.id, %s, %s, 'image/png', 'photo', 'door ../photo.png', "
                    "i.owning_agency_id, i.sharing, i.shared_with FROM incident i "
                    "WHERE i.description LIKE '%%police-only intelligence%%' RETURNING id",
                    (sha, len(PNG)))
        return cur.fetchone()[0]


def test_an_officer_of_the_owning_agency_downloads_it_and_it_is_audited(evidence, db):
    s = as_role("police_officer")
    r = s.get(URL + "/staff/evidence/%d" % evidence)
    assert r.status_code == 200
    assert r.content == PNG
    assert r.headers["Content-Type"] == "image/png"
    assert r.headers["Content-Disposition"].startswith("attachment; filename=")
    assert ".." not in r.headers["Content-Disposition"]
    assert "X-Accel-Redirect" not in r.headers
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM audit_event WHERE entity = 'evidence' "
                    "AND entity_id = %s AND action = 'download'", (str(evidence),))
        assert cur.fetchone()[0] == 1


def test_another_agency_or_a_role_without_the_right_cannot(evidence):
    assert as_role("council_officer").get(URL + "/staff/evidence/%d" % evidence).status_code == 404
    assert as_role("call_handler").get(URL + "/staff/evidence/%d" % evidence).status_code == 403
    assert as_role("police_officer").get(URL + "/staff/evidence/999999").status_code == 404
    assert as_role("police_officer").get(URL + "/staff/evidence/abc").status_code == 404


def test_the_file_is_never_served_directly(evidence):
    sha = hashlib.sha256(PNG).hexdigest()
    for path in ("/_evidence/%s/%s/%s" % (sha[:2], sha[2:4], sha), "/evidence/" + sha):
        assert as_role("police_officer").get(URL + path).status_code == 404
