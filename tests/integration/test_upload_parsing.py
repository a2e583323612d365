"""What the evidence upload's parsers make of hostile or unusual input
(issue 8): Content-Type parameters beside the multipart boundary, and HEIC,
HEIF and AVIF pictures, whose size is read from their ispe property."""
import struct

import pytest

import media
from stack import URL
from staff import csrf_of
from test_bad_input import workers_survive
from test_report_evidence import listed, s, stored_files
from test_report_form import errors_of, get, no_rate_limit

# The fixtures, imported to take effect here: no rate limit, no worker may
# die, and s, a session at the evidence step of a report.
assert no_rate_limit and workers_survive and s


def send(s, content_type, boundary, name, data):
    """Posts the evidence form by hand, with this Content-Type header."""
    csrf = csrf_of(get(s, "/report/evidence").text)
    b = boundary.encode()
    body = (b"--" + b + b'\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n' +
            csrf.encode() + b"\r\n--" + b +
            b'\r\nContent-Disposition: form-data; name="evidence"; filename="' +
            name.encode() + b'"\r\nContent-Type: application/octet-stream\r\n\r\n' +
            data + b"\r\n--" + b +
            b'\r\nContent-Disposition: form-data; name="action"\r\n\r\nmore\r\n--' +
            b + b"--\r\n")
    return s.post(URL + "/report/evidence", data=body, allow_redirects=False,
                  headers={"Content-Type": content_type})


@pytest.mark.parametrize("content_type", [
    # A later parameter used to replace the boundary ...
    "multipart/form-data; boundary=XyZ123; x=zzz",
    # ... and one of 71 bytes or more overflowed its buffer, with no sign-in.
    "multipart/form-data; boundary=XyZ123; x=" + "z" * 200,
    'multipart/form-data; boundary="XyZ123"; x="' + "z" * 200 + '"',
    "multipart/form-data; x=" + "z" * 200 + "; boundary=XyZ123",
], ids=["short-after", "long-after", "long-quoted-after", "long-before"])
def test_only_the_boundary_parameter_counts(s, content_type):
    r = send(s, content_type, "XyZ123", "door.jpg", media.jpeg())
    assert r.status_code == 303, r.text[:1000]
    assert r.headers["Location"] == "/report/evidence"
    assert [n for n, _ in listed(s)] == ["door.jpg"]


def box(kind, payload):
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def heif(brand, *sizes):
    """An ISO-BMFF picture: ftyp, then meta with an ispe property for each
    size (none: a picture whose size cannot be read), then its data."""
    ipco = box(b"hvcC", b"\x01\x01\x60\x00\x00\x00") + b"".join(
        box(b"ispe", b"\0\0\0\0" + struct.pack(">II", w, h)) for w, h in sizes)
    meta = box(b"meta", b"\0\0\0\0" +
               box(b"hdlr", b"\0" * 8 + b"pict" + b"\0" * 13) +
               box(b"iinf", b"\0" * 64) +
               box(b"iprp", box(b"ipco", ipco) + box(b"ipma", b"\0" * 4)))
    return (box(b"ftyp", brand + b"\0\0\0\0mif1" + brand) + meta +
            box(b"mdat", bytes(range(256)) * 4))


@pytest.mark.parametrize("name, brand", [
    ("IMG_0001.HEIC", b"heic"), ("photo.avif", b"avif"), ("photo.heif", b"mif1")])
def test_a_heif_picture_of_a_sane_size_is_accepted(s, name, brand):
    r = send(s, "multipart/form-data; boundary=XyZ123", "XyZ123", name,
             heif(brand, (512, 512), (4032, 3024)))
    assert r.status_code == 303, r.text[:1000]
    assert [n for n, _ in listed(s)] == [name]


@pytest.mark.parametrize("name, data", [
    ("bomb.heic", heif(b"heic", (100000, 100000))),
    ("hidden.avif", heif(b"avif", (512, 512), (30000, 30000))),
    ("nosize.heic", heif(b"heic")),
], ids=["bomb", "huge-after-a-tile", "no-ispe"])
def test_a_heif_picture_claiming_to_be_enormous_or_of_no_size_is_refused(s, name, data):
    before = stored_files()
    r = send(s, "multipart/form-data; boundary=XyZ123", "XyZ123", name, data)
    assert r.status_code == 400, r.text[:1000]
    assert any(f == "evidence" and f"The picture “{name}” cannot be used" in m
               for f, m in errors_of(r.text)), errors_of(r.text)
    assert stored_files() == before
    assert listed(s) == []
