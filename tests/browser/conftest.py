"""A real Interlock, served by gunicorn from a fresh database, driven by the system Chromium."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    var = tmp_path_factory.mktemp("var")
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    # The browser's server has its own embedded database, whichever database the suite runs on.
    env.update(INTERLOCK_VAR_DIR=str(var), PYTHONPATH=str(ROOT / "src"))
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "-v0"], ["load_reference"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([*manage, *command], env=env, check=True, capture_output=True)
    demo = subprocess.run(
        [*manage, "create_demo_accounts"], env=env, check=True, capture_output=True, text=True
    )
    passwords = dict(re.findall(r"^\s+(\S+)\s+(\S+)\s+\S+\s+\S+$", demo.stdout, re.M))
    port = _free_port()
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "interlock.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):  # up to a minute: a loaded machine starts gunicorn slowly
        try:
            urllib.request.urlopen(url + "/health/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError("gunicorn did not start: " + process.stderr.read().decode()[-2000:])
    # "manage": run a command on the server's own installation (its database and files).
    yield {
        "url": url,
        "passwords": passwords,
        "manage": lambda *command: subprocess.run(
            [*manage, *command], env=env, check=True, capture_output=True, text=True
        ),
    }
    process.terminate()
    try:
        # gunicorn lets its workers finish their requests; on a loaded machine that can take a
        # while, and a slow stop is not a failure of what the tests checked.
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("INTERLOCK_CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
