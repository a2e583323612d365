"""Hostile or broken requests get a 4xx with a plain page, never a crash."""
import socket
from urllib.parse import urlparse

import pytest

from stack import read_pid, children


def raw(base_url, data, timeout=10):
    """Sends bytes as they are (requests would fix them up) and returns the
    status code and the whole response."""
    u = urlparse(base_url)
    with socket.create_connection((u.hostname, u.port), timeout=timeout) as s:
        s.sendall(data)
        chunks = []
        while True:
            try:
                c = s.recv(65536)
            except socket.timeout:
                break
            if not c:
                break
            chunks.append(c)
    resp = b"".join(chunks)
    status = int(resp.split(b" ", 2)[1]) if resp.startswith(b"HTTP/") else None
    return status, resp


def assert_plain_error_page(r, status):
    assert r.status_code == status
    assert r.headers["Content-Type"].startswith("text/html")
    assert "Concord" in r.text
    assert "Traceback" not in r.text and "Segmentation" not in r.text


@pytest.fixture(autouse=True)
def workers_survive():
    """Whatever a test sends, no worker may die of it."""
    master = read_pid("concord-fcgi")
    before = children(master)
    yield
    assert children(master) == before


def test_unknown_path_is_404_page(http, base_url):
    r = http.get(base_url + "/no/such/page")
    assert_plain_error_page(r, 404)
    assert "Page not found" in r.text


def test_malformed_percent_encoding_in_path_is_400(http, base_url):
    # nginx decodes the path to match locations, so it refuses this one
    # itself; the app's own check is covered by the unit tests.
    status, resp = raw(base_url, b"GET /a%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert status == 400


def test_malformed_percent_encoding_in_query_is_400(http, base_url):
    status, resp = raw(base_url, b"GET /?q=%4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert status == 400
    assert b"malformed" in resp


def test_encoded_nul_is_400(http, base_url):
    status, _ = raw(base_url, b"GET /?q=a%00b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert status == 400


def test_unknown_method_is_405(http, base_url):
    r = http.request("BREW", base_url + "/")
    assert_plain_error_page(r, 405)


def test_known_method_on_get_only_route_is_405(http, base_url):
    r = http.delete(base_url + "/")
    assert_plain_error_page(r, 405)


def test_request_line_over_the_app_limit_is_414(http, base_url):
    # Over the app's 8 KiB limit, under nginx's 16 KiB buffer.
    r = http.get(base_url + "/?q=" + "a" * 9000)
    assert r.status_code == 414
    assert "too long" in r.text


def test_request_line_over_nginx_limit_is_414(http, base_url):
    r = http.get(base_url + "/?q=" + "a" * 20000)
    assert r.status_code == 414


def test_too_many_query_parameters_is_400(http, base_url):
    r = http.get(base_url + "/?" + "&".join(f"k{i}=v" for i in range(200)))
    assert_plain_error_page(r, 400)
    assert "too many parameters" in r.text


def test_header_over_the_limit_is_431(http, base_url):
    r = http.get(base_url + "/", headers={"X-Big": "x" * 10000})
    assert_plain_error_page(r, 431)


def test_body_over_the_limit_is_413(http, base_url, conf_body_max):
    r = http.post(base_url + "/staff/sign-in", data=b"a=" + b"x" * (conf_body_max + 10),
                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413


def test_malformed_form_body_is_400(http, base_url):
    # The body is read once the route is known: a form-taking route.
    r = http.post(base_url + "/staff/sign-in", data=b"a=%G1&b=2",
                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert_plain_error_page(r, 400)
    assert "malformed" in r.text


def test_form_with_too_many_fields_is_400(http, base_url):
    body = "&".join(f"f{i}=1" for i in range(1000))
    r = http.post(base_url + "/staff/sign-in", data=body,
                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert_plain_error_page(r, 400)


def test_garbage_request_line_is_refused(base_url):
    status, _ = raw(base_url, b"\x00\x01\x02 / HTTP/1.1\r\n\r\n")
    assert status == 400


def test_error_pages_are_escaped(http, base_url):
    # The path is never echoed raw; nothing the client sends becomes markup.
    r = http.get(base_url + "/<script>alert(1)</script>")
    assert r.status_code == 404
    assert "<script>alert(1)</script>" not in r.text


@pytest.fixture
def conf_body_max():
    from stack import read_conf
    return int(read_conf()["body_max"])
