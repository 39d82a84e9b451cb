"""Luukku settings, read from environment variables (see README, "Configuration").

With nothing set, Luukku runs on an SQLite file under var/, keeps a generated secret key
there and delivers e-mail to the local mailbox. DATABASE_URL, REDIS_URL and EMAIL_URL switch
to real services.
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.env import (
    email_settings,
    env_bool,
    env_int,
    env_list,
    env_networks,
    env_str,
    read_or_create_secret,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("LUUKKU_VAR_DIR", str(BASE_DIR / "var")))
TESTING = "pytest" in sys.modules or env_bool("LUUKKU_TESTING")

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY") or read_or_create_secret(VAR_DIR / "secret_key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The public address used in e-mailed links (magic links, invitations).
# The default follows PORT, so that `PORT=8765 ./dev run` prints links that work.
SITE_URL = env_str("SITE_URL", f"http://localhost:{env_int('PORT', 8000)}").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "channels",
    # Only for its templates and static files: /api/v1/docs loads Swagger UI from our own
    # static files instead of a CDN (ninja picks the local template when it is installed).
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "luukku.core",
    "luukku.accounts",
    "luukku.programmes",
    "luukku.discussions",
    "luukku.notifications",
    "luukku.activity",
    "luukku.privacy",
    "luukku.insights",
    "luukku.outreach",
    "luukku.helpdesk",
    "luukku.knowledge",
    "luukku.bookings",
    "luukku.feedback",
    "luukku.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "luukku.core.headers.SecurityHeadersMiddleware",
    "luukku.core.safe_input.RefuseUnstorableQueryMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "luukku.core.middleware.ViewerTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "luukku" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "luukku.core.context_processors.luukku",
                "luukku.accounts.context_processors.organisation_roles",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'luukku.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the worker writes; IMMEDIATE serialises writers
    # up front instead of failing with "database is locked" half-way through a transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_POOL", default=True
):
    # Under ASGI each request may run in a new thread, so persistent per-thread connections
    # (CONN_MAX_AGE) are never reused and pile up until PostgreSQL refuses clients. A
    # process-wide pool reuses them instead.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": env_int("DATABASE_POOL_SIZE", 10),
        "timeout": 10,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL and TESTING and os.environ.get("PYTEST_XDIST_WORKER"):
    # Tests clear the cache (a Redis FLUSHDB); each parallel test worker gets its own
    # Redis database so that one worker's clear cannot wipe another's rate-limit counters.
    _worker_number = int(os.environ["PYTEST_XDIST_WORKER"].removeprefix("gw"))
    REDIS_URL = urlsplit(REDIS_URL)._replace(path=f"/{1 + _worker_number}").geturl()
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL]},
        }
    }
else:
    # A shared cache even on one machine: rate limits must hold across web processes.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "luukku_cache",
        }
    }
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 24 * 14)

# Background work through Django's tasks API; tests run tasks inline.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "core:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Magic links: how long a sign-in link and an invitation link stay valid, in minutes.
MAGIC_LINK_MINUTES = env_int("LUUKKU_MAGIC_LINK_MINUTES", 15)
INVITATION_LINK_MINUTES = env_int("LUUKKU_INVITATION_LINK_MINUTES", 60 * 24 * 7)
# Sign-in links one requester may ask for one address, and sign-in attempts per IP, an hour.
SIGN_IN_RATE = env_str("LUUKKU_SIGN_IN_RATE", "5/h")
SIGN_IN_IP_RATE = env_str("LUUKKU_SIGN_IN_IP_RATE", "30/h")
# Password attempts against one account (Luukku's password form and Django admin's) an hour.
PASSWORD_SIGN_IN_RATE = env_str("LUUKKU_PASSWORD_SIGN_IN_RATE", "10/h")
# Helpdesk (docs/helpdesk.md): the open contact form's limits per address and per IP address,
# the least seconds between showing and sending it (bots are faster), attachment size, the
# days after which resolved requests close, the plus-addressable Reply-To of helpdesk mail,
# and the bearer token of the inbound-mail endpoint (unset: the endpoint is off).
HELPDESK_FORM_RATE = env_str("LUUKKU_HELPDESK_FORM_RATE", "5/h")
HELPDESK_FORM_IP_RATE = env_str("LUUKKU_HELPDESK_FORM_IP_RATE", "20/h")
HELPDESK_MIN_FORM_SECONDS = env_int("LUUKKU_HELPDESK_MIN_FORM_SECONDS", 3)
HELPDESK_ATTACHMENT_MAX_BYTES = env_int("LUUKKU_HELPDESK_ATTACHMENT_MAX_BYTES", 5 * 1024 * 1024)
HELPDESK_CLOSE_AFTER_DAYS = env_int("LUUKKU_HELPDESK_CLOSE_AFTER_DAYS", 7)
HELPDESK_REPLY_TO = env_str("LUUKKU_HELPDESK_REPLY_TO")
HELPDESK_INBOUND_TOKEN = env_str("LUUKKU_HELPDESK_INBOUND_TOKEN")
HELPDESK_INBOUND_MAX_BYTES = env_int("LUUKKU_HELPDESK_INBOUND_MAX_BYTES", 25 * 1024 * 1024)
# Answer bot (docs/helpdesk.md): answer only when the best BM25 score reaches the threshold
# and is at least the margin times the runner-up's; otherwise offer choices.
KNOWLEDGE_ANSWER_THRESHOLD = float(env_str("LUUKKU_KNOWLEDGE_ANSWER_THRESHOLD", "6.0"))
KNOWLEDGE_ANSWER_MARGIN = float(env_str("LUUKKU_KNOWLEDGE_ANSWER_MARGIN", "1.3"))
# Bookings one IP address may make an hour, and anonymous (not signed-in) bookings one
# calendar takes an hour: each booking mails the address the booker typed.
BOOKING_IP_RATE = env_str("LUUKKU_BOOKING_IP_RATE", "10/h")
BOOKING_CALENDAR_RATE = env_str("LUUKKU_BOOKING_CALENDAR_RATE", "30/h")
RATELIMIT_USE_CACHE = "default"
RATELIMIT_VIEW = "luukku.core.views.rate_limited"
# Per-IP limits key on luukku.core.client_ip.client_ip: X-Forwarded-For is believed only from
# these proxies (CIDRs; none by default, not even loopback) and for at most this many hops.
TRUSTED_PROXIES = env_networks("LUUKKU_TRUSTED_PROXIES")
PROXY_HOPS = env_int("LUUKKU_PROXY_HOPS", 1)
RATELIMIT_IP_META_KEY = "luukku.core.client_ip.client_ip"

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "luukku" / "locale"]
USE_I18N = True
USE_TZ = True
# Day-first English dates with a 24-hour clock (config/formats/en/formats.py).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "UTC"
# The organisation default for new organisations and for visitors without a zone of their own.
LUUKKU_TIME_ZONE = env_str("LUUKKU_TIME_ZONE", "Europe/Helsinki")

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
# Uploads larger than this are refused with a clear message (bytes).
MAX_UPLOAD_BYTES = env_int("LUUKKU_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

for _key, _value in email_settings(env_str("EMAIL_URL", "mailbox:")).items():
    globals()[_key] = _value
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Luukku <luukku@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Production hardening, switched on by LUUKKU_HTTPS=true behind TLS.
HTTPS = env_bool("LUUKKU_HTTPS", default=False)
SECURE_SSL_REDIRECT = HTTPS and env_bool("LUUKKU_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("LUUKKU_HSTS_SECONDS", 60 * 60 * 24 * 365 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Served on every response by luukku.core.headers (stored files get a stricter, sandboxed one).
# Scripts and styles come only from our static files: no inline code, no style attributes.
CONTENT_SECURITY_POLICY = env_str(
    "LUUKKU_CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'",
)
PERMISSIONS_POLICY = env_str(
    "LUUKKU_PERMISSIONS_POLICY",
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "magnetometer=(), gyroscope=(), accelerometer=(), browsing-topics=()",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# Bookings: reminders go out this many minutes before a session unless a calendar sets its own.
BOOKING_REMINDER_MINUTES = [
    int(minutes) for minutes in env_list("LUUKKU_BOOKING_REMINDERS", ["1440", "60"])
]
