"""Sincerely's one settings module: every deployment choice is read from the environment."""

from __future__ import annotations

import json
import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

SRC_DIR = Path(__file__).resolve().parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(f"SINCERELY_{name}", default)


def env_flag(name: str, default: bool = False) -> bool:
    value = env(name, "1" if default else "0").strip().lower()
    return value in {"1", "true", "yes", "on"}


DATA_DIR = Path(env("DATA_DIR", str(Path.cwd() / "data"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """An explicit key wins; otherwise one is generated once and kept in the data directory."""
    explicit = env("SECRET_KEY")
    if explicit:
        return explicit
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_flag("DEBUG")
BASE_URL = env("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
_base = urlsplit(BASE_URL)
IS_HTTPS = _base.scheme == "https"

ALLOWED_HOSTS = [h for h in env("ALLOWED_HOSTS", "").split(",") if h] or [
    _base.hostname or "127.0.0.1",
    "127.0.0.1",
    "localhost",
    "testserver",
]
CSRF_TRUSTED_ORIGINS = [f"{_base.scheme}://{_base.netloc}"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "sincerely.accounts",
    "sincerely.console",
    "sincerely.people",
    "sincerely.catalogue",
    "sincerely.timeline",
    "sincerely.privacy",
    "sincerely.messaging",
    "sincerely.conversations",
    "sincerely.insight",
    "sincerely.offers",
    "sincerely.postal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "sincerely.console.signin.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "sincerely.pageheaders.PageHeadersMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sincerely.urls"
WSGI_APPLICATION = "sincerely.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sincerely.console.context.staff",
            ],
        },
    }
]

DATABASE_URL = env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'sincerely.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers run beside the one writer; IMMEDIATE transactions take the write
    # lock up front so two writers queue on the busy timeout instead of failing mid-way.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": int(env("PASSWORD_MIN_LENGTH", "12"))},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out client before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Staff sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failed sign-ins from one
# client address, that address is locked out for the cool-off time, and a success
# clears its count. The address is `sincerely.ratelimit.client_ip` (trusted proxies only).
AXES_FAILURE_LIMIT = int(env("SIGNIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("SIGNIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "console/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "sincerely.ratelimit.client_ip"
AXES_VERBOSE = False
# Two-factor sign-in (django-otp, TOTP): optional for every staff member; with
# SINCERELY_REQUIRE_2FA on, administrators must enrol before they can use the console.
REQUIRE_2FA = env_flag("REQUIRE_2FA")
OTP_TOTP_ISSUER = env("OTP_ISSUER", "Sincerely")
# Reverse proxies whose X-Forwarded-For is believed (CIDRs, comma-separated); with none,
# the client address is the TCP peer and no forwarded header is ever read.
TRUSTED_PROXIES = [p.strip() for p in env("TRUSTED_PROXIES").split(",") if p.strip()]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "console:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
TIME_ZONE = env("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
# The app serves its own assets (closed networks): finders let whitenoise serve them even
# before collectstatic has run, which `sincerely serve` does anyway.
WHITENOISE_USE_FINDERS = True

# A database cache so rate limits hold across every web process and machine.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "sincerely_cache",
    }
}

TASKS = {
    "default": {
        "BACKEND": env("TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Security defaults. Behind https everything is strict; on plain http (the local demo)
# cookies cannot be Secure, so those two follow the scheme of the base URL.
SESSION_COOKIE_SECURE = IS_HTTPS
CSRF_COOKIE_SECURE = IS_HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = IS_HTTPS and env_flag("SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if IS_HTTPS else None
SECURE_HSTS_SECONDS = 31536000 if IS_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = IS_HTTPS
SECURE_HSTS_PRELOAD = IS_HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [] if IS_HTTPS else ["security.W004", "security.W008"]

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
SMTP_URL = env("SMTP_URL", "smtp://127.0.0.1:2525")
_smtp = urlsplit(SMTP_URL)
EMAIL_HOST = _smtp.hostname or "127.0.0.1"
EMAIL_PORT = _smtp.port or 25
EMAIL_HOST_USER = _smtp.username or ""
EMAIL_HOST_PASSWORD = _smtp.password or ""
EMAIL_USE_TLS = _smtp.scheme == "smtp+starttls"
EMAIL_USE_SSL = _smtp.scheme == "smtps"
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "hello@example.com")
# Campaign mail goes to SINCERELY_SMTP_URL unless an email service provider is set through
# django-anymail: SINCERELY_EMAIL_BACKEND=anymail.backends.postmark.EmailBackend and its
# settings as JSON, SINCERELY_ANYMAIL='{"POSTMARK_SERVER_TOKEN": "…"}'.
ANYMAIL = json.loads(env("ANYMAIL", "{}"))
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# How long a privacy-centre link stays valid.
PRIVACY_LINK_MAX_AGE = int(env("PRIVACY_LINK_MAX_AGE", str(7 * 24 * 3600)))

# The tracking snippet (/t.js) posts to /t/collect from the sites listed here (origins such
# as https://www.example.com or https://*.example.com, comma-separated); the console's own
# origin is always allowed. Requests per minute per IP address before /t/collect says 429.
TRACKING_ORIGINS = [o.strip().rstrip("/") for o in env("TRACKING_ORIGINS").split(",") if o.strip()]
TRACKING_RATE_LIMIT = int(env("TRACKING_RATE_LIMIT", "120"))

# Segments, value tiers and offers (docs/insight.md).
OFFER_MIN_SCORE = float(env("OFFER_MIN_SCORE", "0.08"))
OFFERS_PER_PERSON = int(env("OFFERS_PER_PERSON", "10"))
OFFER_LINK_MAX_AGE = int(env("OFFER_LINK_MAX_AGE", str(180 * 24 * 3600)))
SEGMENT_TICK_SECONDS = int(env("SEGMENT_TICK_SECONDS", "300"))
VALUE_SCORE_HOURS = int(env("VALUE_SCORE_HOURS", "24"))
RECOMMEND_HOURS = int(env("RECOMMEND_HOURS", "24"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    # Tokens in paths (privacy, unsubscribe, click links) never reach a log line.
    "filters": {"redact": {"()": "sincerely.accesslog.RedactFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
