"""The deployment examples: the nginx reverse proxy with sticky sessions passes `nginx -t`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NGINX_CONF = ROOT / "deploy" / "nginx.conf"


def _nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None:
        if os.environ.get("CI") or os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("nginx is missing: install it with `apt-get install -y nginx` (.ci/run does)")
        pytest.skip("nginx not installed (apt-get install -y nginx)")
    return found


def test_nginx_example_passes_nginx_t(tmp_path: Path) -> None:
    (tmp_path / "logs").mkdir()
    done = subprocess.run(
        [_nginx(), "-t", "-c", str(NGINX_CONF), "-p", f"{tmp_path}/"], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    assert "syntax is ok" in done.stderr and "test is successful" in done.stderr


def test_nginx_example_keeps_each_browser_on_one_server_and_passes_websockets() -> None:
    text = re.sub(r"#.*", "", NGINX_CONF.read_text())
    upstream = re.search(r"upstream border_map \{(.*?)\}", text, re.S).group(1)
    assert len(re.findall(r"^\s*server 127\.0\.0\.1:\d+", upstream, re.M)) >= 2
    assert "hash $sticky_key consistent;" in upstream  # sticky: one browser, one server
    assert "proxy_set_header Upgrade $http_upgrade;" in text and "proxy_http_version 1.1;" in text
    assert "add_header Set-Cookie $sticky_cookie always;" in text


def _backend(name: bytes):
    import http.server
    import threading

    class Answer(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.end_headers()
            self.wfile.write(name)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_nginx_example_sends_each_browser_to_one_server(tmp_path: Path) -> None:
    import time
    import urllib.error
    import urllib.request

    from tests.conftest import _free_port

    nginx = _nginx()
    backends = [_backend(b"A"), _backend(b"B")]
    port = _free_port()
    conf = NGINX_CONF.read_text()
    conf = conf.replace("127.0.0.1:8501", f"127.0.0.1:{backends[0].server_port}")
    conf = conf.replace("127.0.0.1:8502", f"127.0.0.1:{backends[1].server_port}")
    conf = conf.replace("listen 8080;", f"listen 127.0.0.1:{port};").replace("worker_processes auto;", "")
    (tmp_path / "logs").mkdir()
    (tmp_path / "nginx.conf").write_text(conf)
    proxy = subprocess.Popen([nginx, "-c", str(tmp_path / "nginx.conf"), "-p", f"{tmp_path}/", "-g", "daemon off;"])
    try:

        def get(cookie: str = "") -> tuple[str, str]:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Cookie": cookie} if cookie else {})
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.read().decode(), response.headers.get("Set-Cookie") or ""

        deadline = time.monotonic() + 20
        while True:
            try:
                get()
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, (tmp_path / "logs" / "error.log").read_text()
                time.sleep(0.05)
        visits = [get() for _ in range(24)]
        assert {server for server, _ in visits} == {"A", "B"}  # new visitors are spread (all on one: 1 in 8 million)
        for server, set_cookie in visits[:8]:
            cookie = set_cookie.split(";")[0]
            assert cookie.startswith("bp_server=")
            again = [get(cookie) for _ in range(5)]
            assert again == [(server, "")] * 5  # the same server every time; the cookie is not set again
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)
        for backend in backends:
            backend.shutdown()
