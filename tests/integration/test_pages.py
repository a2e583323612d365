"""The home page, the shared layout, static files and the request log."""
import re
import time

from stack import json_log, wait_for


def test_home_page_explains_and_links_to_both_ways_in(http, base_url):
    r = http.get(base_url + "/")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<h1" in r.text and "anti-social behaviour" in r.text
    assert re.search(r'<a href="/report"[^>]*>\s*Report anti-social behaviour', r.text)
    assert re.search(r'<a class="govuk-link" href="/staff/sign-in">Staff sign in</a>', r.text)
    assert '<html lang="en"' in r.text
    assert 'href="#main-content"' in r.text and 'id="main-content"' in r.text
    assert "concord.min.css" in r.text
    assert "govuk-footer" in r.text


def test_every_response_carries_the_security_headers(http, base_url):
    for path in ("/", "/healthz", "/missing"):
        h = http.get(base_url + path).headers
        csp = h["Content-Security-Policy"]
        assert "default-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert h["X-Content-Type-Options"] == "nosniff"
        assert h["Referrer-Policy"]
        # Development runs on plain http: no HSTS there.
        assert "Strict-Transport-Security" not in h


def test_pages_have_no_inline_script(http, base_url):
    html = http.get(base_url + "/").text
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag, tag
    assert not re.search(r"<script[^>]*>[^<]+</script>", html)
    assert " on" + "click=" not in html


def test_static_files_are_served_by_nginx_with_long_cache(http, base_url):
    html = http.get(base_url + "/").text
    css = re.search(r'href="(/static/govuk/[^"]+\.css[^"]*)"', html).group(1)
    r = http.get(base_url + css)
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/css")
    assert "max-age=31536000" in r.headers["Cache-Control"]
    assert ".govuk-button" in r.text
    # The fonts and images the stylesheet refers to resolve too.
    for ref in sorted(set(re.findall(r"url\(([^)]+)\)", r.text)))[:6]:
        ref = ref.strip("'\"")
        if ref.startswith("data:"):
            continue
        assert http.get(base_url + ref).status_code == 200, ref
    for js in ("/static/app.js", "/static/js-enabled.js",
               "/static/govuk/govuk-frontend.min.js"):
        assert http.get(base_url + js).status_code == 200, js


def test_flash_message_shows_once_and_is_cleared(http, base_url):
    r = http.get(base_url + "/",
                 headers={"Cookie": "flash=sYour%20report%20was%20saved%20%3Cb%3E"})
    assert "Your report was saved &lt;b&gt;" in r.text
    assert "govuk-notification-banner" in r.text
    assert "flash=;" in r.headers["Set-Cookie"] and "Max-Age=0" in r.headers["Set-Cookie"]
    # The browser drops the cookie on Max-Age=0: the next page has no banner.
    r = http.get(base_url + "/")
    assert "govuk-notification-banner" not in r.text
    assert "Set-Cookie" not in r.headers


def test_one_json_log_line_per_request_with_the_request_id(http, base_url):
    r = http.get(base_url + "/?log-check=1")
    rid = r.headers["X-Request-Id"]
    assert re.fullmatch(r"[0-9a-f]{32}", rid)

    def line():
        for entry in json_log("concord-fcgi"):
            if entry.get("request_id") == rid and entry.get("event") == "request":
                return entry
        return None
    entry = wait_for(line, timeout=5, what="the request's log line")
    assert entry["method"] == "GET"
    assert entry["path"] == "/"
    assert entry["status"] == 200
    assert entry["duration_ms"] >= 0
    assert isinstance(entry["pid"], int)
    assert time.strftime("%Y") in entry["ts"]


def test_head_gets_headers_without_body(http, base_url):
    r = http.head(base_url + "/")
    assert r.status_code == 200
    assert r.text == ""
    assert r.headers["Content-Type"] == "text/html; charset=utf-8"
