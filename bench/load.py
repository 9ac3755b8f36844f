"""The served app under load: gunicorn started as `make run` starts it (2 workers x 4 threads,
access log on), on a free loopback port, with a fresh var dir; `wrk` drives each main page and API
list at 16 connections with keep-alive OFF (``Connection: close``: every request opens a new TCP
connection, so the kernel spreads them over both workers), anonymous and signed in (a session
cookie), for a bounded time. The bare floor view (bench/urls.py) is measured in the same run,
before and after the pages, with the reference data and with 2,000 organizations.

Beside each served figure: the same request through Django's test client (in-process, one at a
time), as a ratio to the floor, so the gap between the two is visible.

Writes bench/results/load.json and load.md (text below the notes marker in load.md is kept).
BENCH_LOAD_SECONDS (default 5) sets the time per target; BENCH_LOAD_SCALES=reference skips the
large world.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.common import RESULTS, ROOT, median_ms

SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "5"))
CONNECTIONS = 16
WRK_THREADS = 2
FLOOR = ("bare view (same rows, one query, no shell)", "/bench/floor/?limit=50")
TARGETS = [
    ("organization list page", "/organizations/"),
    ("organization list API", "/api/v1/organizations?limit=50"),
    ("document library", "/documents/"),
    ("sixth meeting's page", "/meetings/6/"),
    ("home page", "/"),
]
SIGNED_IN = "eu.liaison"  # a demo account: a liaison official of a partner organization
VAR = ROOT / "var" / "bench" / "load"
NOTES_MARKER = "<!-- notes below this line are kept when the benchmark rewrites the file -->"
WRK = shutil.which("wrk") or "/usr/bin/wrk"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _gunicorn(port: int, log: Path) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="bench.settings",
        INTERLOCK_VAR_DIR=str(VAR),
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]),  # this checkout's code
        # wrk asks from one address far faster than the API's per-address limit allows: the
        # benchmark measures the pages, not the limiter (which still counts every request).
        INTERLOCK_API_PUBLIC_RATE_PER_MINUTE="1000000",
        INTERLOCK_API_RATE_PER_MINUTE="1000000",
    )
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "interlock.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--threads",
        "4",
        "--access-logfile",
        "-",
        "--forwarded-allow-ips",
        "127.0.0.1",
    ]
    out = log.open("ab")
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
    )


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _get(url: str, cookie: str = "") -> tuple[int, bytes]:
    headers = {"Cookie": cookie} if cookie else {}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (loopback http only)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _wait_ready(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited at start; see var/bench/load/gunicorn.log")
        try:
            if _get(base + "/health/")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 60 s")


_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return round(float(number) * _UNIT[unit], 2)


def parse_wrk(output: str) -> dict[str, float | int]:
    """requests/s, p50, p99 (ms), requests, and errors (non-2xx/3xx responses + socket errors)."""
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.M))
    if set(latency) != {"50", "99"}:
        raise RuntimeError(f"wrk gave no latency distribution:\n{output}")
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    requests = re.search(r"(\d+) requests in ([\d.]+)(\w+), ([\d.]+)(\w+) read", output)
    assert requests, output
    return {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),  # type: ignore[union-attr]
        "p50_ms": _ms(latency["50"]),
        "p99_ms": _ms(latency["99"]),
        "requests": int(requests.group(1)),
        "non_2xx_3xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(int(n) for n in sockets.groups()) if sockets else 0,
    }


def wrk(url: str, cookie: str = "") -> dict[str, float | int]:
    command = [WRK, f"-t{WRK_THREADS}", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency"]
    command += ["--timeout", "10s", "-H", "Connection: close"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    done = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=SECONDS + 30
    )
    result = parse_wrk(done.stdout)
    result["errors"] = int(result["non_2xx_3xx"]) + int(result["socket_errors"])
    if not result["requests"]:  # nothing finished within the run: every connection was stuck
        result["errors"] = CONNECTIONS
    return result


def _setup() -> None:
    os.environ["INTERLOCK_VAR_DIR"] = str(VAR)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ.pop("INTERLOCK_STATIC_MANIFEST", None)
    sys.path.insert(0, str(ROOT / "src"))
    if not os.environ.get("DATABASE_URL"):
        shutil.rmtree(VAR, ignore_errors=True)
        VAR.mkdir(parents=True)
    import django

    django.setup()
    from django.core.management import call_command

    # What `make run` does before it starts gunicorn.
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_reference", verbosity=0)
    call_command("create_demo_accounts", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    RESULTS.mkdir(parents=True, exist_ok=True)


def _session_cookie() -> str:
    from django.conf import settings
    from django.test import Client

    from interlock.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=SIGNED_IN))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _test_client(cookie: str) -> dict[str, dict[str, float]]:
    """Median in-process time of each target through the test client, as a ratio to the floor."""
    from django.db import connection
    from django.test import Client

    anonymous, signed_in = Client(), Client()
    name, value = cookie.split("=", 1)
    signed_in.cookies[name] = value
    floor_ms, _ = median_ms(anonymous, FLOOR[1])
    rows: dict[str, dict[str, float]] = {"floor": {"median_ms": floor_ms}}
    for label, path in TARGETS:
        for reader, client in (("anonymous", anonymous), ("signed in", signed_in)):
            ms, queries = median_ms(client, path)
            rows[f"{label} / {reader}"] = {
                "median_ms": ms,
                "queries": queries,
                "time_ratio_to_floor": round(ms / floor_ms, 2),
            }
    connection.close()
    return rows


def _served(cookie: str, log: Path) -> dict[str, object]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _gunicorn(port, log)
    try:
        _wait_ready(base, server)
        for _, path in [FLOOR, *TARGETS]:  # warm both workers: imports, templates, catalogues
            for reader_cookie in ("", cookie):
                for _ in range(6):
                    status, _body = _get(base + path, reader_cookie)
                    assert status == 200, (path, status)
            assert SIGNED_IN.encode() in _get(base + "/", cookie)[1], "the cookie does not sign in"
        # The machine's load varies (other work shares the CPUs): each page is measured right
        # after its own run of the bare view, and its ratios are to that run.
        floors, rows = {}, {}
        for label, path in TARGETS:
            floors[label] = wrk(base + FLOOR[1])
            for reader, reader_cookie in (("anonymous", ""), ("signed in", cookie)):
                rows[f"{label} / {reader}"] = wrk(base + path, reader_cookie)
    finally:
        _stop(server)
    for key, row in rows.items():
        floor = floors[key.split(" / ")[0]]
        row["floor_requests_per_s"] = floor["requests_per_s"]
        row["floor_p99_ms"] = floor["p99_ms"]
        row["share_of_floor_throughput"] = round(
            float(row["requests_per_s"]) / max(float(floor["requests_per_s"]), 0.01), 3
        )
        row["p99_to_floor_p99"] = round(float(row["p99_ms"]) / max(float(floor["p99_ms"]), 0.01), 2)
        row["meets_targets"] = (
            row["share_of_floor_throughput"] >= 0.5
            and row["p99_to_floor_p99"] <= 2
            and row["errors"] == 0
            and row["requests"] > 0
        )
    return {"floors": floors, "rows": rows}


def _scale(label: str, cookie: str, log: Path) -> dict[str, object]:
    from interlock.registry.models import Membership, Organization

    print(f"--- {label}: test client", flush=True)
    client = _test_client(cookie)
    print(f"--- {label}: served (gunicorn, wrk)", flush=True)
    served = _served(cookie, log)
    return {
        "scale": label,
        "organizations": Organization.objects.count(),
        "memberships": Membership.objects.count(),
        "test_client": client,
        "served": served,
    }


def _table(run: dict[str, object]) -> list[str]:
    served, client = run["served"], run["test_client"]  # type: ignore[index]
    lines = [
        f"### {run['scale']} ({run['organizations']} organizations, {run['memberships']} memberships)",
        "",
        "| request | reader | requests/s | p50 | p99 | errors | bare view: requests/s, p99 "
        "| share of the bare view's throughput | p99 / bare p99 | test client: time / bare time "
        "| targets |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for key, row in served["rows"].items():  # type: ignore[index]
        label, reader = key.split(" / ")
        lines.append(
            f"| {label} | {reader} | {row['requests_per_s']} | {row['p50_ms']} ms | {row['p99_ms']} ms "
            f"| {row['errors']} | {row['floor_requests_per_s']}, {row['floor_p99_ms']} ms "
            f"| {round(100 * row['share_of_floor_throughput'])} % "
            f"| {row['p99_to_floor_p99']} | {client[key]['time_ratio_to_floor']} "
            f"| {'met' if row['meets_targets'] else 'not met'} |"
        )
    lines += [
        "",
        "Each page's bare-view figures are from a run of the bare view (`" + FLOOR[1] + "`: the "
        "same rows, one query, no shell) made just before that page's two runs.",
        "",
    ]
    return lines


def main() -> dict[str, object]:
    _setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from interlock.reference.scale import scale_generate

    log = VAR / "gunicorn.log"
    cookie = _session_cookie()
    runs = [_scale("reference data", cookie, log)]
    if os.environ.get("BENCH_LOAD_SCALES", "both") != "reference":
        scale_generate(organizations=1_979, memberships_per_organization=101)
        call_command("optimize", verbosity=0)
        connection.close()
        runs.append(_scale("2,000 organizations", cookie, log))
    report = {
        "benchmark": "load",
        "database": connection.vendor,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "server": "gunicorn interlock.wsgi:application --workers 2 --threads 4 --access-logfile - "
        "(as `make run`; settings bench.settings = interlock.settings + the bare view's URL)",
        "load": f"wrk -t{WRK_THREADS} -c{CONNECTIONS} -d{SECONDS}s --latency -H 'Connection: close'",
        "conn_max_age": settings.DATABASES["default"].get("CONN_MAX_AGE", 0),
        "runs": runs,
    }
    (RESULTS / "load.json").write_text(json.dumps(report, indent=2) + "\n")
    lines = [
        "# Load benchmark: the served app",
        "",
        f"Server: {report['server']}, on a free loopback port, fresh var dir, {report['database']}. "
        f"Load: `{report['load']}` per target: 16 connections, keep-alive off so that each request "
        "opens a new connection and the kernel spreads them over both workers (with keep-alive on, "
        "16 connections can all land on one worker and the figures halve). Signed in = a session "
        f"cookie of the demo account `{SIGNED_IN}`. Errors = non-2xx/3xx responses + socket errors. "
        f"{report['cpus']} CPUs shared by the server, wrk, and other engineers' work on the machine: "
        "read the ratios to the bare view measured in the same run, not the absolute figures.",
        "",
        "Targets: >= 50 % of the bare view's throughput, p99 <= 2x the bare view's p99, 0 errors. "
        "The last-but-one column is the same request through Django's test client, one at a time "
        "in-process (median time / the bare view's median time): what `make bench` measured before.",
        "",
        "## This run",
        "",
    ]
    for run in runs:
        lines += _table(run)
    path = RESULTS / "load.md"
    kept = ""
    if path.exists() and NOTES_MARKER in path.read_text():
        kept = path.read_text().split(NOTES_MARKER, 1)[1]
    path.write_text("\n".join(lines) + "\n" + NOTES_MARKER + kept)
    print("\n".join(lines))
    return report
