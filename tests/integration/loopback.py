"""Clients at addresses of their own: nginx listens on 127.0.0.1 and passes
the connecting address on as the client's (REMOTE_ADDR), so a session bound
to another loopback address (all of 127.0.0.0/8 is local) is another person
to every per-address limit."""
import secrets

import requests


class FromAddress(requests.adapters.HTTPAdapter):
    def __init__(self, addr):
        self.addr = addr
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.addr, 0)
        super().init_poolmanager(*args, **kwargs)


def fresh_address():
    """A loopback address no earlier run has counted anything against."""
    return "127.%d.%d.%d" % tuple(secrets.randbelow(250) + 2 for _ in range(3))


def session_from(addr):
    s = requests.Session()
    s.mount("http://", FromAddress(addr))
    return s
