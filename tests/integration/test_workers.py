"""The master process: replacing dead workers, reloading, draining."""
import os
import shutil
import signal
import tempfile
import threading
import time

import pytest
import requests

from stack import CONF, ROOT, children, json_log, read_pid, svc, wait_for


class Load:
    """Keeps requests going from a few threads and counts the outcomes."""

    def __init__(self, url, threads=4):
        self.url = url
        self.stop = threading.Event()
        self.ok = 0
        self.failed = 0
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run) for _ in range(threads)]

    def run(self):
        s = requests.Session()
        while not self.stop.is_set():
            try:
                good = s.get(self.url, timeout=5).status_code == 200
            except requests.RequestException:
                good = False
            with self.lock:
                if good:
                    self.ok += 1
                else:
                    self.failed += 1

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.threads:
            t.join()


def test_a_killed_worker_is_replaced_within_a_second_under_load(base_url):
    master = read_pid("concord-fcgi")
    before = children(master)
    assert len(before) >= 2
    victim = before[0]
    with Load(base_url + "/healthz") as load:
        time.sleep(0.5)
        os.kill(victim, signal.SIGKILL)
        killed_at = time.monotonic()
        wait_for(lambda: len(children(master)) == len(before) and victim not in children(master),
                 timeout=1.0, interval=0.02, what="a replacement worker")
        replaced_in = time.monotonic() - killed_at
        time.sleep(1.0)
        ok_after = load.ok
        time.sleep(0.5)
    assert replaced_in < 1.0
    assert load.ok > ok_after, "the service kept answering"
    # At most the request the victim held can fail.
    assert load.failed <= 1, (load.ok, load.failed)
    entries = [e for e in json_log("concord-fcgi") if str(victim) in e.get("msg", "")]
    assert any("signal 9" in e["msg"] for e in entries)


def test_sighup_reloads_templates_and_replaces_workers(http, base_url):
    """A good template change shows after SIGHUP; a broken one is refused
    and the old templates keep serving."""
    master = read_pid("concord-fcgi")
    views = tempfile.mkdtemp(prefix="concord-views-")
    conf_text = open(CONF).read()
    try:
        shutil.copytree(os.path.join(ROOT, "views"), views, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("static"))
        lines = [l for l in conf_text.splitlines() if not l.strip().startswith("views")]
        with open(CONF, "w") as f:
            f.write("\n".join(lines + [f"views = {views}", ""]))

        home = os.path.join(views, "home.tpl")
        with open(home) as f:
            original = f.read()
        with open(home, "w") as f:
            f.write(original.replace("</h1>", " (reloaded)</h1>"))
        old = children(master)
        os.kill(master, signal.SIGHUP)
        wait_for(lambda: "(reloaded)" in http.get(base_url + "/").text, timeout=5,
                 what="the new template")
        wait_for(lambda: not set(old) & set(children(master)), timeout=10,
                 what="old workers to exit")

        # A template that does not parse: refused, old ones keep serving.
        with open(home, "w") as f:
            f.write(original.replace("{{>FOOT}}", "{{>FOOT").replace("</h1>", " (broken)</h1>"))
        os.kill(master, signal.SIGHUP)
        wait_for(lambda: any("reload refused" in e.get("msg", "") and "home.tpl" in e["msg"]
                             for e in json_log("concord-fcgi")), timeout=5,
                 what="the refusal in the log")
        r = http.get(base_url + "/")
        assert r.status_code == 200 and "(reloaded)" in r.text
    finally:
        with open(CONF, "w") as f:
            f.write(conf_text)
        os.kill(master, signal.SIGHUP)
        wait_for(lambda: "(reloaded)" not in http.get(base_url + "/").text, timeout=5,
                 what="the original templates")
        shutil.rmtree(views)


def test_sigterm_drains_and_exits_then_starts_again(http, base_url):
    master = read_pid("concord-fcgi")
    workers = children(master)
    conf = open(CONF).read()
    socket_path = [l.split("=", 1)[1].strip() for l in conf.splitlines()
                   if l.strip().startswith("socket ")][0]
    svc("stop", "fcgi")
    for pid in [master] + workers:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert not os.path.exists(socket_path)
    assert http.get(base_url + "/").status_code == 502
    svc("start", "fcgi")
    assert http.get(base_url + "/").status_code == 200
    assert any(e.get("msg") == "stopped" and e.get("pid") == master
               for e in json_log("concord-fcgi"))
