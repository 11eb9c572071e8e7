"""HDV settings: every knob comes from the environment, with embedded defaults.

With nothing set, HDV runs in its embedded mode: SQLite under var/, Celery tasks run
in-process, debug on. Production sets DJANGO_DEBUG=false, a real DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS, DATABASE_URL and CELERY_BROKER_URL. A value that cannot be
understood stops start-up with a message that names the variable.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
_env_file = BASE_DIR / ".env"
if _env_file.exists():
    environ.Env.read_env(_env_file)

_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee", ""}


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is geen geldige waarde: gebruik true of false.")


def _int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is geen geheel getal.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} moet minstens {minimum} zijn.")
    return value


def _list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def _choice(name: str, default: str, choices: set[str]) -> str:
    value = os.environ.get(name, default).strip()
    if value not in choices:
        raise ImproperlyConfigured(
            f"{name}={value!r} is ongeldig: kies uit {', '.join(sorted(choices))}."
        )
    return value


DEBUG = _bool("DJANGO_DEBUG", True)

_DEV_SECRET = "django-insecure-hdv-embedded-only-never-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY or (not DEBUG and SECRET_KEY == _DEV_SECRET):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY moet gezet zijn op een lange, willekeurige waarde als DJANGO_DEBUG=false."
    )

ALLOWED_HOSTS = _list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is leeg: geef minstens één hostnaam.")
# How many reverse proxies in front of HDV add to X-Forwarded-For (compose: 1). Only
# then are the client address (lockouts) and X-Request-ID taken from the headers.
HDV_PROXY_AANTAL = _int("HDV_PROXY_AANTAL", 0)
CSRF_TRUSTED_ORIGINS = _list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
for _origin in CSRF_TRUSTED_ORIGINS:
    if not _origin.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"DJANGO_CSRF_TRUSTED_ORIGINS bevat {_origin!r}: elke oorsprong begint met https://."
        )

INSTALLED_APPS = [
    "hdv.apps.HdvAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_celery_beat",
    "django_htmx",
    "template_partials",
    "axes",
    "hdv",
    "aanbod",
    "trajecten",
    "deelname",
    "rapportage",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "hdv.middleware.RequestIdMiddleware",
    "hdv.middleware.NulTekenMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hdv.middleware.HdvLoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hdv.urls"
WSGI_APPLICATION = "hdv.wsgi.application"
ASGI_APPLICATION = "hdv.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hdv.context_processors.hdv",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
VAR_DIR.mkdir(exist_ok=True)
_database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'hdv.sqlite3'}"
if not _database_url.startswith(("sqlite://", "postgres://", "postgresql://")):
    raise ImproperlyConfigured(
        f"DATABASE_URL={_database_url!r} wordt niet ondersteund: gebruik postgres:// of sqlite://."
    )
try:
    DATABASES = {"default": environ.Env.db_url_config(_database_url)}
except (ValueError, KeyError) as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is ongeldig: {exc}") from None
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = _int("DATABASE_CONN_MAX_AGE", 0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the demo server and a management command share the file.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"REDIS_URL={REDIS_URL!r} moet beginnen met redis://.")
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Authentication -------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        # Django's, with the reason in Dutch: its nl catalogue lacks 5.2's wording.
        "NAME": "hdv.wachtwoorden.MinimumLengteValidator",
        "OPTIONS": {"min_length": _int("HDV_PASSWORD_MIN_LENGTH", 12, minimum=8)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

SESSION_INACTIVITY_MINUTES = _int("HDV_SESSION_INACTIVITY_MINUTES", 30, minimum=1)
SESSION_COOKIE_AGE = SESSION_INACTIVITY_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True  # the age counts from the last request: inactivity
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

AXES_FAILURE_LIMIT = _int("HDV_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=_int("HDV_LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
# Lock the account after repeated failures, and also an address that tries many accounts.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = _bool("HDV_AXES_ENABLED", True)
AXES_VERBOSE = False
if HDV_PROXY_AANTAL:
    AXES_IPWARE_PROXY_COUNT = HDV_PROXY_AANTAL
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# --- Security (production values when DEBUG is off) ------------------------------------
SECURE_HTTPS = _bool("DJANGO_SECURE_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = SECURE_HTTPS
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_HSTS_SECONDS = _int("DJANGO_HSTS_SECONDS", 31536000 if SECURE_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HTTPS
SECURE_HSTS_PRELOAD = SECURE_HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "hdv.views.fouten.csrf_mislukt"

# --- Internationalisation --------------------------------------------------------------
# The staff UI is Dutch whatever the browser asks (no LocaleMiddleware): a half-English
# page (Django's own strings and dates) helps nobody. The detainee brochure picks its
# language itself (?taal=nl|fr|en).
LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", "Nederlands"), ("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "media/"

# --- REST API --------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["hdv.api.permissions.HeeftModelPermissie"],
    "DEFAULT_PAGINATION_CLASS": "hdv.api.pagination.Paginering",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "hdv.api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "HDV API",
    "DESCRIPTION": "Hulp- en dienstverlening aan gedetineerden: de API van HDV.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
}

# --- Celery ----------------------------------------------------------------------------
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
if CELERY_BROKER_URL and not CELERY_BROKER_URL.startswith(
    ("redis://", "rediss://", "amqp://", "memory://")
):
    raise ImproperlyConfigured(f"CELERY_BROKER_URL={CELERY_BROKER_URL!r} wordt niet ondersteund.")
# Embedded mode: no broker means tasks run in-process, synchronously.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or None)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Entries here are copied into django-celery-beat's tables, where a beheerder can change them.
CELERY_BEAT_SCHEDULE = {
    "verlopen-sessies-opruimen": {
        "task": "hdv.verlopen_sessies_opruimen",
        "schedule": 60 * 60,
    },
    "sessies-vooruit-plannen": {
        "task": "aanbod.sessies_vooruit_plannen",
        "schedule": 24 * 60 * 60,
    },
    "bevolkingsfeed-importeren": {
        "task": "trajecten.bevolkingsfeed_map_importeren",
        "schedule": 24 * 60 * 60,
    },
    "vrijlatingen-voorbereiden": {
        "task": "trajecten.vrijlatingen_voorbereiden",
        "schedule": 24 * 60 * 60,
    },
    # The key indicators' rollups, at night: only what changed since the last run.
    "indicatoren-bijwerken": {
        "task": "rapportage.indicatoren_bijwerken",
        "schedule": crontab(minute="30", hour="3"),
    },
    # The Gemengde Commissie's report of the quarter that ended, on the 5th at 06:00: the
    # nightly rollups have seen the quarter's last days by then.
    "monitoringrapport-per-kwartaal": {
        "task": "rapportage.kwartaalrapport_plannen",
        "schedule": crontab(minute="0", hour="6", day_of_month="5", month_of_year="1,4,7,10"),
    },
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Task modules outside <app>/tasks.py, which autodiscovery does not find.
CELERY_IMPORTS = ["rapportage.rapporten.tasks"]

# --- E-mail ----------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = _int("DJANGO_EMAIL_PORT", 25, minimum=1)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "hdv@localhost")

# --- Logging ---------------------------------------------------------------------------
LOG_LEVEL = _choice("DJANGO_LOG_LEVEL", "INFO", {"DEBUG", "INFO", "WARNING", "ERROR"})
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Django's own console handler would print every line twice next to the root's.
    "loggers": {
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- HDV -------------------------------------------------------------------------------
HDV_PAGE_SIZE = _int("HDV_PAGE_SIZE", 25, minimum=5)
HDV_AUDIT_PAGE_SIZE = _int("HDV_AUDIT_PAGE_SIZE", 50, minimum=10)
# Sessions of group activities are generated this many days ahead.
HDV_SESSIE_HORIZON_DAGEN = _int("HDV_SESSIE_HORIZON_DAGEN", 56, minimum=7)
# A new activity may start at most this many days ago (its past sessions are generated).
HDV_ACTIVITEIT_TERUG_DAGEN = _int("HDV_ACTIVITEIT_TERUG_DAGEN", 180, minimum=0)
# Activities take place between these hours (a slot outside them is refused).
HDV_DAG_BEGIN_UUR = _int("HDV_DAG_BEGIN_UUR", 7)
HDV_DAG_EINDE_UUR = _int("HDV_DAG_EINDE_UUR", 21)
if not 0 <= HDV_DAG_BEGIN_UUR < HDV_DAG_EINDE_UUR <= 24:
    raise ImproperlyConfigured("HDV_DAG_BEGIN_UUR moet voor HDV_DAG_EINDE_UUR liggen (0–24).")
# Attendance of a session can be registered and changed for this many days, then it is locked.
HDV_AANWEZIGHEID_WIJZIGBAAR_DAGEN = _int("HDV_AANWEZIGHEID_WIJZIGBAAR_DAGEN", 7, minimum=0)
# Flanders-wide figures show a count below this as "< N": small counts can identify people.
HDV_KLEINSTE_AANTAL = _int("HDV_KLEINSTE_AANTAL", 5, minimum=1)
# The address of HDV as users reach it, for links in e-mails.
HDV_BASIS_URL = os.environ.get("HDV_BASIS_URL", "http://localhost:8000").rstrip("/")
# An arrival's intake (onthaal) is due within this many days.
HDV_ONTHAAL_NORM_DAGEN = _int("HDV_ONTHAAL_NORM_DAGEN", 14, minimum=1)
# A sent referral should be answered (accepted or refused) within this many days.
HDV_DOORVERWIJZING_NORM_DAGEN = _int("HDV_DOORVERWIJZING_NORM_DAGEN", 14, minimum=1)
# The release preparation checklist opens this many days before the expected release.
HDV_VRIJLATING_VOORBEREIDING_DAGEN = _int("HDV_VRIJLATING_VOORBEREIDING_DAGEN", 90, minimum=7)
# Worklist horizon of upcoming releases.
HDV_VRIJLATING_WERKLIJST_DAGEN = _int("HDV_VRIJLATING_WERKLIJST_DAGEN", 60, minimum=7)
# The daily job imports the population feed files dropped here (then moved to verwerkt/).
HDV_BEVOLKINGSFEED_MAP = Path(
    os.environ.get("HDV_BEVOLKINGSFEED_MAP", "") or BASE_DIR / "var" / "bevolkingsfeed"
)
