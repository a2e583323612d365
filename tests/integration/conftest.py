"""Fixtures for integration tests against a running Concord stack."""
import psycopg2
import pytest
import redis as redis_lib
import requests

from stack import URL, VAR, read_conf, svc

if not URL or not VAR:
    raise pytest.UsageError(
        "run these through scripts/test, which starts a stack and sets "
        "CONCORD_URL and CONCORD_VAR")


@pytest.fixture(scope="session")
def base_url():
    return URL


@pytest.fixture
def http():
    s = requests.Session()
    yield s
    s.close()


@pytest.fixture
def services():
    """Lets a test stop services; whatever it stopped is started again."""
    stopped = []

    class Services:
        def stop(self, name):
            svc("stop", name)
            stopped.append(name)

        def start(self, name):
            svc("start", name)
            if name in stopped:
                stopped.remove(name)

    yield Services()
    for name in reversed(stopped):
        svc("start", name)


@pytest.fixture
def db():
    """A superuser connection to the stack's database, for checking rows."""
    conn = psycopg2.connect(read_conf()["db_admin"])
    conn.autocommit = True
    yield conn
    conn.close()


@pytest.fixture
def rds():
    target = read_conf()["redis"]
    if target.startswith("/"):
        client = redis_lib.Redis(unix_socket_path=target, decode_responses=True)
    else:
        host, port = target.rsplit(":", 1)
        client = redis_lib.Redis(host=host, port=int(port), decode_responses=True)
    yield client
    client.close()
