"""GET /healthz, and how it follows PostgreSQL and Redis going away."""
import os

from stack import ROOT, drop_app_connections, wait_for


def migration_count():
    return len([f for f in os.listdir(os.path.join(ROOT, "sql", "migrations"))
                if f.endswith(".sql")])


def health(http, base_url):
    r = http.get(base_url + "/healthz", timeout=10)
    return r.status_code, r.json()


def test_healthz_reports_ok_with_version_and_schema(http, base_url):
    r = http.get(base_url + "/healthz", timeout=10)
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/json")
    body = r.json()
    assert body["status"] == "ok"
    assert body["db"] == "ok"
    assert body["redis"] == "ok"
    assert body["version"]
    # The newest migration's number: every file in sql/migrations applied.
    newest = max(int(f[:4]) for f in os.listdir(os.path.join(ROOT, "sql", "migrations"))
                 if f.endswith(".sql"))
    assert body["schema"] == newest


def test_healthz_turns_503_while_redis_is_stopped_and_recovers(http, base_url, services):
    services.stop("redis")
    status, body = health(http, base_url)
    assert status == 503
    assert body["redis"] == "error"
    assert body["db"] == "ok"
    assert body["status"] != "ok"
    # Every worker, not just the one that answered first, notices.
    for _ in range(6):
        assert health(http, base_url)[0] == 503
    services.start("redis")
    wait_for(lambda: health(http, base_url)[0] == 200, what="healthz ok again")
    for _ in range(6):
        status, body = health(http, base_url)
        assert status == 200 and body["redis"] == "ok"


def test_healthz_turns_503_while_postgres_is_stopped_and_recovers(http, base_url, services):
    services.stop("postgres")
    status, body = health(http, base_url)
    assert status == 503
    assert body["db"] == "error"
    assert body["redis"] == "ok"
    assert "schema" not in body
    # Pages that do not need the database keep working meanwhile.
    assert http.get(base_url + "/", timeout=10).status_code == 200
    services.start("postgres")
    wait_for(lambda: health(http, base_url)[0] == 200, what="healthz ok again")
    for _ in range(6):
        status, body = health(http, base_url)
        assert status == 200 and body["db"] == "ok"


def test_staff_pages_survive_the_database_dropping_every_connection(db, base_url):
    """When the server has closed a worker's connection since its last
    request, the worker connects again and serves the page: no error."""
    from staff import as_role

    officer = as_role("police_officer")
    assert officer.get(base_url + "/staff/incidents", timeout=10).status_code == 200
    drop_app_connections(db)
    # More requests than there are workers: each one meets its dead connection.
    statuses = [officer.get(base_url + "/staff/incidents", timeout=10).status_code
                for _ in range(12)]
    assert statuses == [200] * 12
