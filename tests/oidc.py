"""A local OpenID Connect provider and an app server that signs in through it, for browser tests.

The provider is ``oidc-provider-mock`` (an Authlib-based Flask app) on a loopback port in this
process; its pages are served without the stylesheet they would fetch from a CDN, so nothing
leaves the machine. The app is a real ``streamlit run app.py`` with its own records file and a
secrets file written for the test (``--secrets.files``): the repository's files are not touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import jinja2
import oidc_provider_mock
import werkzeug.serving
from oidc_provider_mock import User

from tests.conftest import ROOT, _free_port, wait_healthy

#: The provider's own page layout without its CDN stylesheet (the pages still work unstyled).
_OFFLINE_TEMPLATES = {
    "_base.html": '<!doctype html><html lang="en"><main>{% block content %}{{ content }}{% endblock %}</main></html>',
    "error.html": "<!doctype html><main><h1>Error: {{ name }}</h1><p>{{ description }}</p></main>",
}

COOKIE_SECRET = "test-cookie-secret-never-used-in-production-0123456789"


@dataclass(frozen=True)
class Provider:
    url: str  # the issuer, e.g. http://127.0.0.1:41234

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/.well-known/openid-configuration"


@contextmanager
def provider(users: Sequence[User]) -> Iterator[Provider]:
    """Run the OpenID provider on 127.0.0.1 (a free port) with ``users`` one click away."""
    app = oidc_provider_mock.app(user_claims=users, require_nonce=True)
    app.jinja_loader = jinja2.ChoiceLoader([jinja2.DictLoader(_OFFLINE_TEMPLATES), app.jinja_loader])
    server = werkzeug.serving.make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield Provider(f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


def secrets_toml(app_url: str, issuer: Provider, roles: str) -> str:
    """The secrets of a deployment that signs in through ``issuer`` (``roles``: the [roles] table)."""
    return textwrap.dedent(
        f"""\
        [auth]
        redirect_uri = "{app_url}/oauth2callback"
        cookie_secret = "{COOKIE_SECRET}"
        client_id = "grensbelemmeringen"
        client_secret = "test-client-secret"
        server_metadata_url = "{issuer.metadata_url}"

        """
    ) + textwrap.dedent(roles)


@dataclass
class AuthApp:
    url: str
    csv_path: Path
    connections_log: Path
    process: subprocess.Popen


@contextmanager
def app_server(workdir: Path, issuer: Provider, roles: str) -> Iterator[AuthApp]:
    """``streamlit run app.py`` on 127.0.0.1 with sign-in through ``issuer`` and its own records file.

    The server runs with the test network guard (``tests/netguard``): every connection it makes
    is logged, so a test can show it talked to nothing but this machine.
    """
    csv_path = workdir / "obstacles.csv"
    shutil.copyfile(ROOT / "obstacles.csv", csv_path)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    secrets = workdir / "secrets.toml"
    secrets.write_text(secrets_toml(url, issuer, roles), encoding="utf-8")
    connections = workdir / "connections.jsonl"
    env = {
        **os.environ,
        "OBSTACLES_CSV": str(csv_path),
        "NETGUARD_LOG": str(connections),
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent / "netguard"), os.environ.get("PYTHONPATH", "")]),
    }
    log_path = workdir / "streamlit.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(ROOT / "app.py"),
                "--server.port",
                str(port),
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                "--secrets.files",
                str(secrets),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        try:
            wait_healthy(url, process)
        except RuntimeError as exc:
            raise RuntimeError(f"{exc}; log: {log_path.read_text()[-2000:]}") from None
        yield AuthApp(url, csv_path, connections, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
