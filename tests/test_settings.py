"""Settings read the environment through typed helpers that fail loudly, naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from interlock.env import ConfigurationError, env_bool, env_choice, env_int, env_list

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("reader", "message"),
    [
        (
            lambda: env_bool("X_FLAG", False, environ={"X_FLAG": "maybe"}),
            "X_FLAG must be a boolean",
        ),
        (lambda: env_int("X_N", 1, environ={"X_N": "ten"}), "X_N must be an integer"),
        (lambda: env_int("X_N", 1, minimum=1, environ={"X_N": "0"}), "X_N must be at least 1"),
        (
            lambda: env_choice("X_P", "a", ("a", "b"), environ={"X_P": "c"}),
            "X_P must be one of a, b",
        ),
    ],
)
def test_a_malformed_value_is_refused_naming_the_variable(reader, message) -> None:
    with pytest.raises(ConfigurationError, match=message):
        reader()


def test_values_are_read_with_their_types() -> None:
    env = {"F": "yes", "N": "42", "L": "a, b,,c"}
    assert env_bool("F", False, environ=env) is True
    assert env_int("N", 0, environ=env) == 42
    assert env_list("L", [], environ=env) == ["a", "b", "c"]
    assert env_bool("MISSING", True, environ=env) is True


def _check(extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTERLOCK_")}
    env.update(extra_env)
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_start_up_stops_on_a_malformed_setting_and_names_it() -> None:
    result = _check({"INTERLOCK_DEBUG": "maybe"})
    assert result.returncode != 0
    assert "INTERLOCK_DEBUG must be a boolean" in result.stderr


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = _check({"INTERLOCK_PROFILE": "production", "INTERLOCK_ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "INTERLOCK_SECRET_KEY must be set" in result.stderr


def test_the_embedded_database_is_sqlite_in_wal_mode_with_immediate_transactions() -> None:
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("this run is on PostgreSQL")
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 1
    assert "journal_mode=WAL" in options["init_command"]


def test_passwords_are_hashed_with_argon2() -> None:
    from django.conf import settings

    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_database_connections_persist_with_health_checks() -> None:
    from django.conf import settings

    database = settings.DATABASES["default"]
    assert database["CONN_MAX_AGE"] >= 60
    assert database["CONN_HEALTH_CHECKS"] is True


def test_a_postgres_url_gets_persistent_checked_connections() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTERLOCK_")}
    env["DATABASE_URL"] = "postgres://someone@db.invalid:5432/interlock"
    printed = subprocess.run(
        [
            sys.executable,
            "-c",
            "from interlock import settings as s; d = s.DATABASES['default'];"
            "print(d['ENGINE'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert printed == ["django.db.backends.postgresql", "600", "True"]


@pytest.mark.django_db
def test_the_sqlite_server_pragmas_are_in_force_on_each_connection() -> None:
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("this run is on PostgreSQL")
    with connection.cursor() as cursor:
        values = {
            pragma: cursor.execute(f"PRAGMA {pragma}").fetchone()[0]
            for pragma in ("mmap_size", "cache_size", "temp_store", "journal_mode", "foreign_keys")
        }
    assert values == {
        "mmap_size": 268435456,
        "cache_size": -65536,
        "temp_store": 2,  # memory
        "journal_mode": "wal",
        "foreign_keys": 1,
    }


@pytest.mark.django_db
def test_load_reference_leaves_the_planner_statistics_fresh() -> None:
    from django.core.management import call_command
    from django.db import connection

    call_command("load_reference", verbosity=0)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'registry_membership'")
        else:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'registry_membership' "
                "AND (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL)"
            )
        assert cursor.fetchone()[0] >= 1
