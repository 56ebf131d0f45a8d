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
