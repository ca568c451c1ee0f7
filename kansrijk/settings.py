"""Settings for kansrijk.

Every setting reads an environment variable through a tiny helper, with a default that
works on a fresh clone: a SQLite file under ``var/``. ``DATABASE_URL`` points the site at
PostgreSQL (``postgres://user:password@host:5432/name``). An untracked
``kansrijk/local_settings.py`` is the escape hatch for anything else.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KANSRIJK_VAR_DIR", BASE_DIR / "var"))


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "kansrijk-development-key-change-me-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
SITE_NAME = env_str("SITE_NAME", "Lerende Lokale Monitor Kansrijke Start")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "kansrijk.areas",
    "kansrijk.catalog",
    "kansrijk.coalitions",
    "kansrijk.observations",
    "kansrijk.stories",
    "kansrijk.interpretation",
    "kansrijk.insight",
    "kansrijk.charts",
    "kansrijk.dashboards",
    "kansrijk.exports",
    "kansrijk.api",
    "kansrijk.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kansrijk.web.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "kansrijk.urls"
WSGI_APPLICATION = "kansrijk.wsgi.application"

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
                "kansrijk.web.context_processors.site",
            ],
        },
    },
]

DEFAULT_SQLITE_PATH = VAR_DIR / "kansrijk.sqlite3"
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DEFAULT_SQLITE_PATH}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and one writer work at the same time; see docs/decisions/0002.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# Background work (CBS updates started from the web): django-tasks with its database backend;
# `kansrijk db_worker` runs the queue (`make demo` starts one next to the web server).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The read API under /api/v1/ (docs/api.md): session or personal token, JSON only, Dutch errors.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "kansrijk.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "kansrijk.api.pagination.LimitOffsetPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "kansrijk.api.errors.exception_handler",
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Lerende Lokale Monitor Kansrijke Start – API",
    "DESCRIPTION": "Alleen-lezen API: de indicatorcatalogus, gebieden en uw coalities. Log in op "
    "de site of stuur een persoonlijke API-sleutel mee (Authorization: Bearer kr_…; te maken op "
    '/account/api-sleutels/). Lijsten: ?limit=&offset=. Fouten: {"detail": "…"}.',
    "TAGS": [
        {"name": "Catalogus", "description": "De indicatorcatalogus, zoals op /catalogus/."},
        {"name": "Gebieden", "description": "Gemeenten, wijken, buurten en regio's."},
        {"name": "Coalities", "description": "Alleen uw eigen coalities (inloggen nodig)."},
        {
            "name": "Verhalen",
            "description": "Goedgekeurde, geanonimiseerde ervaringsverhalen van uw coalities.",
        },
    ],
    # Two sets of life phases: the catalogue's and the stories' (``stories.models.StoryPhase``).
    "ENUM_NAME_OVERRIDES": {
        "PhaseEnum": "kansrijk.catalog.models.Phase",
        "StoryPhaseEnum": "kansrijk.stories.models.StoryPhase",
    },
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",  # served from our own static files: the page works offline
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "kansrijk" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", False)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", False)

# Small numbers: the default minimum count for publication (overridden per indicator).
KANSRIJK_DEFAULT_MIN_COUNT = env_int("KANSRIJK_DEFAULT_MIN_COUNT", 10)

# Partner files (CSV/XLSX registration uploads): largest file and most data rows.
KANSRIJK_UPLOAD_MAX_BYTES = env_int("KANSRIJK_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
KANSRIJK_UPLOAD_MAX_ROWS = env_int("KANSRIJK_UPLOAD_MAX_ROWS", 200_000)

# CBS StatLine OData endpoints (mirrors can be configured).
KANSRIJK_CBS_V3_URL = env_str("KANSRIJK_CBS_V3_URL", "https://opendata.cbs.nl")
KANSRIJK_CBS_V4_URL = env_str("KANSRIJK_CBS_V4_URL", "https://datasets.cbs.nl/odata/v1")
KANSRIJK_PDOK_URL = env_str(
    "KANSRIJK_PDOK_URL", "https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1"
)
KANSRIJK_CBS_TIMEOUT = env_int("KANSRIJK_CBS_TIMEOUT", 30)
KANSRIJK_CBS_RETRIES = env_int("KANSRIJK_CBS_RETRIES", 3)
KANSRIJK_CBS_BACKOFF = env_int("KANSRIJK_CBS_BACKOFF", 2)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

if os.environ.get("KANSRIJK_TESTING"):
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if (BASE_DIR / "kansrijk" / "local_settings.py").exists():  # optional, untracked overrides
    from .local_settings import *  # noqa: F403
