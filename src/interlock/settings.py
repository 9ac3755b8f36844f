"""The one settings module. Everything that varies between machines comes from the environment
through the typed helpers of ``interlock.env``; a malformed value stops start-up naming the variable.

Profiles: ``development`` (the default: embedded SQLite, a development secret key, plain HTTP on
localhost) and ``production`` (secret key and hosts required, HTTPS-only cookies, HSTS), which passes
``manage.py check --deploy`` without a warning.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from interlock.env import (
    ConfigurationError,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(env_str("INTERLOCK_VAR_DIR", str(PROJECT_DIR / "var")))

try:
    PROFILE = env_choice("INTERLOCK_PROFILE", "development", ("development", "production"))
    PRODUCTION = PROFILE == "production"
    DEBUG = env_bool("INTERLOCK_DEBUG", False)
    if PRODUCTION:
        SECRET_KEY = env_str("INTERLOCK_SECRET_KEY")
        if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
            raise ConfigurationError("INTERLOCK_SECRET_KEY must be at least 50 varied characters")
        ALLOWED_HOSTS = env_list("INTERLOCK_ALLOWED_HOSTS", [])
        if not ALLOWED_HOSTS:
            raise ConfigurationError("INTERLOCK_ALLOWED_HOSTS must name at least one host")
    else:
        SECRET_KEY = env_str(
            "INTERLOCK_SECRET_KEY", "development-only-key-never-use-in-production-0123456789abcdef"
        )
        ALLOWED_HOSTS = env_list(
            "INTERLOCK_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"]
        )
    DATABASE_URL = env_str("DATABASE_URL", "")
    # A folder holding the UN Statistics Division's M49 files (UNSD-ar.csv, -cn, -en, -es, -fr,
    # -ru): country names are then the UN's short names (docs/reference-data.md); empty: ISO 3166.
    M49_NAMES_DIR = env_str("INTERLOCK_M49_DIR", "")
    SQLITE_PATH = Path(env_str("INTERLOCK_SQLITE_PATH", str(VAR_DIR / "interlock.sqlite3")))
    SQLITE_BUSY_TIMEOUT_S = env_int("INTERLOCK_SQLITE_BUSY_TIMEOUT", 20, minimum=1)
    # Seconds a database connection is kept between requests (0: one per request). Each of
    # gunicorn's threads keeps its own, checked before reuse (CONN_HEALTH_CHECKS).
    CONN_MAX_AGE = env_int("INTERLOCK_CONN_MAX_AGE", 600, minimum=0)
    # Anonymous public pages and API lists kept per worker, keyed by the data version
    # (interlock.core.public_cache); 0 seconds turns the cache off.
    PUBLIC_CACHE_SECONDS = env_int("INTERLOCK_PUBLIC_CACHE_SECONDS", 300, minimum=0)
    CSRF_TRUSTED_ORIGINS = env_list("INTERLOCK_CSRF_TRUSTED_ORIGINS", [])
    EMAIL_URL_BACKEND = env_str(
        "INTERLOCK_EMAIL_BACKEND",
        "django.core.mail.backends.smtp.EmailBackend"
        if PRODUCTION
        else "django.core.mail.backends.console.EmailBackend",
    )
    EMAIL_HOST = env_str("INTERLOCK_EMAIL_HOST", "localhost")
    EMAIL_PORT = env_int("INTERLOCK_EMAIL_PORT", 25, minimum=1)
    DEFAULT_FROM_EMAIL = env_str("INTERLOCK_FROM_EMAIL", "interlock@localhost")
    TASKS_IMMEDIATE = env_bool("INTERLOCK_TASKS_IMMEDIATE", False)
    SIGN_IN_FAILURE_LIMIT = env_int("INTERLOCK_SIGN_IN_FAILURE_LIMIT", 5, minimum=1)
    SIGN_IN_ADDRESS_LIMIT = env_int("INTERLOCK_SIGN_IN_ADDRESS_LIMIT", 100, minimum=1)
    SIGN_IN_COOLOFF_MINUTES = env_int("INTERLOCK_SIGN_IN_COOLOFF_MINUTES", 15, minimum=1)
    # Reverse proxies (addresses or networks) whose X-Forwarded-For is believed; none by default.
    TRUSTED_PROXIES = env_list("INTERLOCK_TRUSTED_PROXIES", [])
    # Two-factor sign-in required of the secretariat and liaison officials (accounts/two_factor.py).
    MFA_REQUIRED = env_bool("INTERLOCK_MFA_REQUIRED", PRODUCTION)
    SESSION_IDLE_MINUTES = env_int("INTERLOCK_SESSION_IDLE_MINUTES", 30, minimum=1)
    PASSWORD_RESET_PER_HOUR = env_int("INTERLOCK_PASSWORD_RESET_PER_HOUR", 10, minimum=1)
    PASSWORD_RESET_EMAILS_PER_HOUR = env_int(
        "INTERLOCK_PASSWORD_RESET_EMAILS_PER_HOUR", 3, minimum=1
    )
    API_TOKEN_DAYS = env_int("INTERLOCK_API_TOKEN_DAYS", 90, minimum=1)
    API_TOKEN_MAX_DAYS = env_int("INTERLOCK_API_TOKEN_MAX_DAYS", 365, minimum=API_TOKEN_DAYS)
    API_RATE_PER_MINUTE = env_int("INTERLOCK_API_RATE_PER_MINUTE", 300, minimum=1)
    API_PUBLIC_RATE_PER_MINUTE = env_int("INTERLOCK_API_PUBLIC_RATE_PER_MINUTE", 60, minimum=1)
    # Rate limits and throttles count in Django's cache: "files" is shared by every worker process
    # of one server; "memory" counts per process (enough for development and tests).
    CACHE = env_choice("INTERLOCK_CACHE", "files" if PRODUCTION else "memory", ("memory", "files"))
    MEDIA_ROOT = Path(env_str("INTERLOCK_MEDIA_ROOT", str(VAR_DIR / "media")))
    UPLOAD_MAX_BYTES = env_int("INTERLOCK_UPLOAD_MAX_MB", 20, minimum=1) * 1024 * 1024
    # Hashed, compressed static files once `collectstatic` has written its manifest (as `make run`
    # and every deployment do); before that (a fresh clone's test run) files are served as they are.
    STATIC_MANIFEST = env_bool(
        "INTERLOCK_STATIC_MANIFEST", (VAR_DIR / "static" / "staticfiles.json").exists()
    )
except ConfigurationError as error:
    raise ImproperlyConfigured(str(error)) from None

INSTALLED_APPS = [
    # Before the admin, so that the admin shows every language of a translated field.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    # Only for its templates and static files: /api/v1/docs serves Swagger UI from this server.
    "ninja",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "interlock.core",
    "interlock.accounts",
    "interlock.registry",
    "interlock.committees",
    "interlock.meetings",
    "interlock.documents",
    "interlock.agreements",
    "interlock.situations",
    "interlock.capacity_building",
    "interlock.liaison",
    "interlock.decisions",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "interlock.core.middleware.PrivateResponsesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "interlock.accounts.middleware.IdleSessionMiddleware",
    "interlock.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "interlock.core.public_cache.PublicCacheMiddleware",  # last: see its docstring
]

ROOT_URLCONF = "interlock.urls"
WSGI_APPLICATION = "interlock.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # {% tr obj "name" %} on every page: translated content, its fallback marked lang="en"
            "builtins": [
                "interlock.core.templatetags.content",
                "interlock.core.templatetags.words",
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "interlock.core.context_processors.shell",
            ],
        },
    }
]

if DATABASE_URL:
    # Persistent connections, one per gunicorn thread (2 workers x 4 threads = 8), each checked
    # before reuse. psycopg's pool (OPTIONS "pool") would hold the same connections per process
    # and add a check-out per request; it is not used (see bench/results/load.md).
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=CONN_MAX_AGE, conn_health_checks=True
        )
    }
    if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
        raise ImproperlyConfigured("DATABASE_URL must be a postgres:// URL (SQLite is the default)")
else:
    # The embedded database lives in VAR_DIR; a fresh clone has none yet.
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(SQLITE_PATH),
            # Kept between requests: the page cache and the memory map stay warm, and the PRAGMAs
            # below run once per connection, not once per request.
            "CONN_MAX_AGE": CONN_MAX_AGE,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                # IMMEDIATE takes the write lock when a transaction starts, so two writers queue
                # on the busy timeout instead of failing half-way with "database is locked".
                "transaction_mode": "IMMEDIATE",
                "timeout": SQLITE_BUSY_TIMEOUT_S,
                # Run on each new connection. For a server: reads through a 256 MiB memory map, a
                # 64 MiB page cache per connection, temporary sorts and indexes in memory.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                    "PRAGMA mmap_size=268435456; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"
                ),
            },
            "TEST": {"NAME": str(VAR_DIR / "test.sqlite3")},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
OTP_TOTP_ISSUER = "Interlock"
# Staff may remove a lost authenticator in the admin, but never see its key or QR code.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache"),
        # Counters of the current window only; never cull them while they count.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
    if CACHE == "files"
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Anonymous public pages and API lists, in each worker's memory (interlock.core.public_cache).
    "public": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "interlock-public",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}
PUBLIC_CACHE = PUBLIC_CACHE_SECONDS > 0

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in throttling (accounts/lockout.py): a user name from an address is locked after
# SIGN_IN_FAILURE_LIMIT wrong passwords, an address after SIGN_IN_ADDRESS_LIMIT, both counted over
# the cool-off; the client's address is the peer's unless a trusted proxy forwarded it.
SIGN_IN_COOLOFF = dt.timedelta(minutes=SIGN_IN_COOLOFF_MINUTES)
AXES_FAILURE_LIMIT = SIGN_IN_FAILURE_LIMIT
AXES_COOLOFF_TIME = SIGN_IN_COOLOFF
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Attempts while locked are refused without being counted, so the end the page states holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HANDLER = "interlock.accounts.lockout.InterlockAxesHandler"
AXES_LOCKOUT_CALLABLE = "interlock.accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "interlock.accounts.addresses.client_address"

LANGUAGE_CODE = "en"
# The six official languages of the United Nations, in the UN's order; Arabic reads right to left.
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Content (names, titles) in the six languages: one column per language on each translated field,
# registered in each app's translation.py; English is stored always and shown where a language
# has no value (core/i18n.py marks such a value lang="en").
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

EMAIL_BACKEND = EMAIL_URL_BACKEND

TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TASKS_IMMEDIATE
        else "django_tasks_db.DatabaseBackend"
    }
}

# Security headers. The content security policy allows nothing from outside this server.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("INTERLOCK_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("INTERLOCK_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500
NINJA_PAGINATION_MAX_OFFSET = 1_000_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "one_line_refusals": {"()": "interlock.core.log_filters.OneLineRefusals"},
        "feed_tokens": {"()": "interlock.core.log_filters.FeedTokens"},
    },
    # As Django's own: the development server's request lines, with their time and colours.
    "formatters": {
        "server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["feed_tokens"]},
        "server": {"class": "logging.StreamHandler", "formatter": "server"},
    },
    "root": {"handlers": ["console"], "level": env_str("INTERLOCK_LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # A 403 is logged as one line with its reason, not a traceback; a private calendar feed's
        # token is replaced in the path (core/log_filters.py), last, after the reason is added.
        "django.request": {"filters": ["one_line_refusals", "feed_tokens"]},
        # The development server's request lines (runserver), written by its own handler.
        "django.server": {"handlers": ["server"], "filters": ["feed_tokens"], "propagate": False},
    },
}
