"""concord-worker: the outbox relay, notify jobs, and the dead-letter stream."""
import json
import os

from stack import ctl, read_conf, wait_for


def mail_path(outbox_id):
    return os.path.join(read_conf()["mail_outbox"], f"{outbox_id}.eml")


def notify(to, subject, body):
    out = ctl("notify", "--to", to, "--subject", subject, "--body", body).stdout
    return int(out.strip().split()[-1])


def test_notify_job_writes_a_mail(db):
    oid = notify("resident@example.org", "Your report ASB-2026-000001", "We have it.")
    path = wait_for(lambda: os.path.exists(mail_path(oid)) and mail_path(oid),
                    timeout=15, what="the mail file")
    text = open(path).read()
    assert "To: resident@example.org" in text
    assert "Subject: Your report ASB-2026-000001" in text
    assert "We have it." in text
    with db.cursor() as cur:
        cur.execute("SELECT relayed_at IS NOT NULL FROM outbox WHERE id = %s", (oid,))
        assert cur.fetchone()[0]


def test_job_written_while_redis_is_down_is_delivered_after_it_returns(db, services):
    services.stop("redis")
    oid = notify("victim@example.org", "Update on your case", "An officer will call.")
    with db.cursor() as cur:
        cur.execute("SELECT type, relayed_at FROM outbox WHERE id = %s", (oid,))
        kind, relayed = cur.fetchone()
    assert kind == "notify" and relayed is None
    assert not os.path.exists(mail_path(oid))
    services.start("redis")
    wait_for(lambda: os.path.exists(mail_path(oid)), timeout=30, what="the mail file")
    assert "An officer will call." in open(mail_path(oid)).read()


def test_a_job_that_cannot_succeed_is_parked_in_the_dead_letter_stream(db, rds):
    # A notify job without an address can never be sent.
    with db.cursor() as cur:
        cur.execute("INSERT INTO outbox (type, payload) VALUES ('notify', %s) RETURNING id",
                    (json.dumps({"subject": "no address", "body": "x"}),))
        oid = cur.fetchone()[0]

    def parked():
        for _, fields in rds.xrange("concord:jobs:dead"):
            if fields.get("id") == str(oid):
                return fields
        return None
    fields = wait_for(parked, timeout=60, interval=0.5, what="the dead letter")
    assert fields["type"] == "notify"
    assert fields["error"]
    assert not os.path.exists(mail_path(oid))


def test_header_injection_in_a_notify_job_is_refused(db, rds):
    with db.cursor() as cur:
        cur.execute("INSERT INTO outbox (type, payload) VALUES ('notify', %s) RETURNING id",
                    (json.dumps({"to": "a@example.org\r\nBcc: evil@example.org",
                                 "subject": "s", "body": "b"}),))
        oid = cur.fetchone()[0]

    def parked():
        return any(f.get("id") == str(oid) for _, f in rds.xrange("concord:jobs:dead"))
    wait_for(parked, timeout=60, interval=0.5, what="the dead letter")
    assert not os.path.exists(mail_path(oid))


def test_the_relay_finds_committed_jobs_without_being_notified(db):
    # The outbox row is the truth: no NOTIFY tells the relay (0033), it
    # looks for pending rows a few times a second. Rows written with every
    # trigger off (as a NOTIFY trigger would be) still leave promptly, one
    # after another.
    for i in range(3):
        with db.cursor() as cur:
            cur.execute("BEGIN")
            cur.execute("SET LOCAL session_replication_role = replica")
            cur.execute("INSERT INTO outbox (type, payload) VALUES ('notify', %s) RETURNING id",
                        (json.dumps({"to": "prompt@example.org", "subject": f"prompt {i}",
                                     "body": "b"}),))
            oid = cur.fetchone()[0]
            cur.execute("COMMIT")

        def relayed():
            with db.cursor() as cur:
                cur.execute("SELECT relayed_at IS NOT NULL FROM outbox WHERE id = %s", (oid,))
                return cur.fetchone()[0]
        wait_for(relayed, timeout=2, interval=0.05, what=f"job {oid} relayed")
        wait_for(lambda: os.path.exists(mail_path(oid)), timeout=10, what="the mail file")
