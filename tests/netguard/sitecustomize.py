"""Test-only: record every network connection this Python process attempts.

Loaded by ``tests/test_offline_server.py`` through ``PYTHONPATH`` when it starts the app. An
audit hook sees each ``socket.connect`` (TCP and UDP alike, including a UDP "connect" used only to
learn the local address) and ``socket.getaddrinfo``, and appends the address to the file named by
``NETGUARD_LOG``. Nothing is blocked: the test reads the log and judges.
"""

import json
import os
import sys

_LOG = os.environ.get("NETGUARD_LOG")


def _record(event: str, args: tuple) -> None:
    if event == "socket.connect":
        address = args[1]
    elif event == "socket.getaddrinfo":
        address = (args[0], args[1])
    else:
        return
    try:
        with open(_LOG, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"event": event, "address": repr(address)}) + "\n")
    except OSError:
        pass


if _LOG:
    with open(_LOG, "a", encoding="utf-8") as _handle:  # proof that the guard was loaded
        _handle.write(json.dumps({"event": "guard.loaded", "address": repr(os.getpid())}) + "\n")
    sys.addaudithook(_record)
