"""For `scripts/bench api`: the time from a create to its allocation
webhook arriving at a local receiver.

    api_latency.py COUNT CONCURRENCY

A receiver on 127.0.0.1 (a free port) checks each webhook's signature and
notes when the first allocation of each incident arrived; a CAD client
whose webhook is that receiver sends COUNT creates from CONCURRENCY
threads; the time of each is from just before its POST was sent to its
first allocation webhook's arrival. Prints "sent N", "arrived N",
"p50_ms X", "p99_ms Y", "max_ms Z".
"""
import http.server
import json
import os
import secrets
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "integration"))

import psycopg2  # noqa: E402

import api_setup  # noqa: E402
import cad  # noqa: E402
from stack import read_conf  # noqa: E402

arrived = {}
bad = []
lock = threading.Lock()
secret_box = {}


class Receiver(http.server.BaseHTTPRequestHandler):
    # Keep-alive, so the worker's connections are reused as a real
    # receiver's would be.
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        at = time.monotonic()
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        path, _, query = self.path.partition("?")
        want = cad.signature(secret_box["secret"], "POST", path, query,
                             self.headers.get("Concord-Timestamp", ""),
                             self.headers.get("Concord-Nonce", ""), body)
        if self.headers.get("Concord-Signature") != want:
            bad.append(self.headers.get("Concord-Delivery"))
        else:
            event = json.loads(body)
            if event.get("event") == "allocation":
                with lock:
                    arrived.setdefault(event["incident"]["reference"], at)
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    # The worker sends up to 64 at once: socketserver's backlog of 5 would
    # drop their connections and time the kernel's retries instead.
    request_queue_size = 256
    daemon_threads = True


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main(count, concurrency):
    server = Server(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    db = psycopg2.connect(read_conf()["db_admin"])
    db.autocommit = True
    client = cad.make_client(db, name="bench-latency-" + secrets.token_hex(3),
                             webhook_url=f"http://127.0.0.1:{server.server_port}/hooks/concord",
                             mappings={"types": {"N": "noise"}})
    db.close()
    secret_box["secret"] = client.secret
    sent = {}
    failures = []

    def sender(n):
        c = cad.Client(client.client_id, client.user_id, client.key_id, client.secret, client.name)
        for i in range(n):
            b = json.loads(api_setup.body(i))
            start = time.monotonic()
            r = c.post("/api/v1/incidents", json=b,
                       headers={"Idempotency-Key": secrets.token_hex(16)})
            if r.status_code != 201:
                failures.append(r.status_code)
                continue
            sent[r.json()["reference"]] = start

    per = [count // concurrency + (1 if i < count % concurrency else 0) for i in range(concurrency)]
    threads = [threading.Thread(target=sender, args=(n,)) for n in per]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with lock:
            if all(ref in arrived for ref in sent):
                break
        time.sleep(0.05)
    server.shutdown()
    times = [(arrived[ref] - start) * 1000 for ref, start in sent.items() if ref in arrived]
    print(f"sent {len(sent)}")
    print(f"arrived {len(times)}")
    print(f"failed_creates {len(failures)}")
    print(f"bad_signatures {len(bad)}")
    if times:
        print(f"p50_ms {percentile(times, 50):.1f}")
        print(f"p99_ms {percentile(times, 99):.1f}")
        print(f"max_ms {max(times):.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
