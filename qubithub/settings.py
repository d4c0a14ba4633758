"""QubitHub settings, driven only by environment variables.

No variables: embedded mode (SQLite, local files, in-process job executor, in-memory channel layer).
DATABASE_URL and/or REDIS_URL: production mode. Every variable is listed in README.md.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from qubithub.env import env_bool, env_int, env_list, env_str
from qubithub.observability.logs import logging_config
from qubithub.observability.sentry import init_sentry

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("QH_VAR_DIR", str(BASE_DIR / "var")))

DATABASE_URL = env_str("DATABASE_URL")
REDIS_URL = env_str("REDIS_URL")
EMBEDDED = not DATABASE_URL and not REDIS_URL

DEFAULT_SECRET_KEY = "embedded-insecure-secret-key-change-me-in-production"
SECRET_KEY = env_str("SECRET_KEY", DEFAULT_SECRET_KEY)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

if not EMBEDDED and not env_bool("QH_ALLOW_INSECURE", False):
    if SECRET_KEY == DEFAULT_SECRET_KEY or len(SECRET_KEY) < 32:
        raise ImproperlyConfigured("Production mode needs SECRET_KEY set to a random string of 32+ characters.")
    if DEBUG:
        raise ImproperlyConfigured("Production mode refuses to start with DEBUG on.")

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "qubithub",
    "accounts",
    "orgs",
    "circuits",
    "datasets",
    "runs",
    "spaces",
    "benchmarks",
]

MIDDLEWARE = [
    "qubithub.observability.middleware.RequestIdMiddleware",
    "qubithub.observability.middleware.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "qubithub.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "qubithub.api.middleware.ApiErrorMiddleware",
]

ROOT_URLCONF = "qubithub.urls"
APPEND_SLASH = False
ASGI_APPLICATION = "qubithub.asgi.application"
WSGI_APPLICATION = "qubithub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
if DATABASE_URL:
    # 0: a connection per request. Persistent connections leak under ASGI (each request runs in a new thread, which
    # keeps its own connection open until the age runs out): a 60 s age exhausted PostgreSQL at 20 requests/s.
    _conn_max_age = env_int("QH_DB_CONN_MAX_AGE", 0)
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=_conn_max_age, conn_health_checks=True)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("QH_SQLITE_PATH", str(VAR_DIR / "db.sqlite3")),
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- Cache, channel layer, Celery -----------------------------------------------------------
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [REDIS_URL]}}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL)
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE: dict = {}
# Embedded mode: size of the in-process executor that stands in for Celery workers.
QH_EMBEDDED_WORKERS = env_int("QH_EMBEDDED_WORKERS", 2)
# Tests set this to run dispatched work inline, synchronously.
QH_DISPATCH_INLINE = env_bool("QH_DISPATCH_INLINE", False)

# --- Auth -----------------------------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

ACCESS_TOKEN_SECONDS = env_int("QH_ACCESS_TOKEN_SECONDS", 900)
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(seconds=ACCESS_TOKEN_SECONDS),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env_int("QH_REFRESH_TOKEN_DAYS", 14)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "SIGNING_KEY": SECRET_KEY,
    "ALGORITHM": "HS256",
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
}

# --- REST API -------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "qubithub.api.authentication.ApiKeyAuthentication",
        "qubithub.api.authentication.BearerJWTAuthentication",
        "qubithub.api.authentication.CsrfSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["qubithub.api.permissions.ApiKeyScopePermission"],
    "DEFAULT_THROTTLE_CLASSES": ["qubithub.api.throttles.ApiRateThrottle", "qubithub.api.throttles.AuthThrottle"],
    # Client IPs for per-IP limits: REMOTE_ADDR unless this many trusted proxies append X-Forwarded-For.
    "NUM_PROXIES": env_int("QH_NUM_PROXIES", 0),
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "qubithub.api.parsers.SafeJSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "qubithub.api.pagination.EnvelopePagination",
    "EXCEPTION_HANDLER": "qubithub.api.exceptions.api_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "qubithub.api.schema.EnvelopeAutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DATETIME_FORMAT": "iso-8601",
    # ?format= is a filter on our lists (datasets), never a renderer override
    "URL_FORMAT_OVERRIDE": None,
}
# --- Plans, rate limits, usage limits (accounts.usage, qubithub.api.throttles) -----------------
GIB = 1024**3
QH_PLAN_LIMITS = {
    "free": {
        "requests_per_minute": env_int("QH_FREE_REQUESTS_PER_MINUTE", 60),
        "runs_per_day": env_int("QH_FREE_RUNS_PER_DAY", 200),
        "shots_per_month": env_int("QH_FREE_SHOTS_PER_MONTH", 2_000_000),
        "storage_bytes": env_int("QH_FREE_STORAGE_BYTES", 1 * GIB),
        "space_executions_per_day": env_int("QH_FREE_SPACE_EXECUTIONS_PER_DAY", 500),
        "space_cpu_seconds_per_month": env_int("QH_FREE_SPACE_CPU_SECONDS_PER_MONTH", 36_000),
    },
    "pro": {
        "requests_per_minute": env_int("QH_PRO_REQUESTS_PER_MINUTE", 600),
        "runs_per_day": env_int("QH_PRO_RUNS_PER_DAY", 10_000),
        "shots_per_month": env_int("QH_PRO_SHOTS_PER_MONTH", 200_000_000),
        "storage_bytes": env_int("QH_PRO_STORAGE_BYTES", 50 * GIB),
        "space_executions_per_day": env_int("QH_PRO_SPACE_EXECUTIONS_PER_DAY", 20_000),
        "space_cpu_seconds_per_month": env_int("QH_PRO_SPACE_CPU_SECONDS_PER_MONTH", 720_000),
    },
}
QH_ANON_REQUESTS_PER_MINUTE = env_int("QH_ANON_REQUESTS_PER_MINUTE", 60)
QH_AUTH_ATTEMPTS_PER_MINUTE = env_int("QH_AUTH_ATTEMPTS_PER_MINUTE", 10)
QH_STAR_PER_MINUTE = env_int("QH_STAR_PER_MINUTE", 30)
QH_FORK_PER_MINUTE = env_int("QH_FORK_PER_MINUTE", 5)
# Spaces: file limits, and executions a user may have running at once (more answer 429 with Retry-After).
QH_SPACE_MAX_FILE_BYTES = env_int("QH_SPACE_MAX_FILE_BYTES", 1024 * 1024)
QH_SPACE_MAX_BYTES = env_int("QH_SPACE_MAX_BYTES", 10 * 1024 * 1024)
QH_SPACE_MAX_FILES = env_int("QH_SPACE_MAX_FILES", 200)
QH_SPACE_CONCURRENT_EXECUTIONS = env_int("QH_SPACE_CONCURRENT_EXECUTIONS", 4)

SPECTACULAR_SETTINGS = {
    "TITLE": "QubitHub API",
    "DESCRIPTION": "Publish, version, run and compare quantum circuits, datasets and spaces.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api",
    "COMPONENT_SPLIT_REQUEST": True,
}

# --- Files ----------------------------------------------------------------------------------
MEDIA_ROOT = Path(env_str("QH_MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
S3_BUCKET = env_str("QH_S3_BUCKET")
if S3_BUCKET:
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("QH_S3_ENDPOINT_URL") or None,
            "region_name": env_str("QH_S3_REGION") or None,
            "access_key": env_str("QH_S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("QH_S3_SECRET_ACCESS_KEY") or None,
            "default_acl": None,
            "file_overwrite": False,
            "querystring_expire": env_int("QH_S3_URL_SECONDS", 3600),
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
QH_S3_URL_SECONDS = env_int("QH_S3_URL_SECONDS", 3600)  # lifetime of presigned download URLs
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
QH_MAX_UPLOAD_BYTES = env_int("QH_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
# Whole multipart request (upload-batch); a larger request is refused before its files are parsed.
QH_MAX_UPLOAD_REQUEST_BYTES = env_int("QH_MAX_UPLOAD_REQUEST_BYTES", 50 * 1024 * 1024)
# Largest dataset file accepted by POST /api/datasets/{id}/versions (413 above it).
QH_DATASET_MAX_UPLOAD_BYTES = env_int("QH_DATASET_MAX_UPLOAD_BYTES", 5 * 1024**3)
# Circuits' git repositories: derived data, rebuilt from the stored versions whenever missing or stale.
QH_GIT_ROOT = Path(env_str("QH_GIT_ROOT", str(VAR_DIR / "git")))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("QH_SECURE_COOKIES", not EMBEDDED)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("QH_BEHIND_PROXY", False) else None
SECURE_HSTS_SECONDS = env_int("QH_HSTS_SECONDS", 0 if EMBEDDED else 31536000)

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

# --- Observability (qubithub.observability) -------------------------------------------------
# One JSON object per log line in production (text in embedded mode), each with the request id.
LOGGING = logging_config(
    level=env_str("QH_LOG_LEVEL", "INFO"), fmt=env_str("QH_LOG_FORMAT", "text" if EMBEDDED else "json")
)
CELERY_WORKER_HIJACK_ROOT_LOGGER = False  # workers log through LOGGING too
QH_METRICS_TOKEN = env_str("QH_METRICS_TOKEN")  # /metrics answers 401 without "Authorization: Bearer <token>"
QH_CSP = env_str(
    "QH_CSP",
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
    "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)
init_sentry()

# Public URL of the site, used in clone commands and printed at start-up.
QH_PUBLIC_URL = env_str("QH_PUBLIC_URL", "")
SPECTACULAR_SETTINGS.update(
    {"SWAGGER_UI_DIST": "SIDECAR", "SWAGGER_UI_FAVICON_HREF": "SIDECAR", "REDOC_DIST": "SIDECAR"}
)
AUTHENTICATION_BACKENDS = ["accounts.backends.EmailOrUsernameBackend"]

# --- Runs -----------------------------------------------------------------------------------
QH_RUN_TIMEOUT_SECONDS = env_int("QH_RUN_TIMEOUT_SECONDS", 120)
QH_RUN_TIMEOUT_SLACK_SECONDS = env_int("QH_RUN_TIMEOUT_SLACK_SECONDS", 30)
QH_RUN_PENDING_GRACE_SECONDS = env_int("QH_RUN_PENDING_GRACE_SECONDS", 30)
QH_RUN_QUEUED_GRACE_SECONDS = env_int("QH_RUN_QUEUED_GRACE_SECONDS", 300)
QH_RUN_CANCEL_POLL_SECONDS = float(env_int("QH_RUN_CANCEL_POLL_MS", 250)) / 1000
QH_RUN_HEARTBEAT_SECONDS = env_int("QH_RUN_HEARTBEAT_SECONDS", 3)
QH_RUN_HEARTBEAT_STALE_SECONDS = env_int("QH_RUN_HEARTBEAT_STALE_SECONDS", 20)
QH_RUN_MAX_ATTEMPTS = env_int("QH_RUN_MAX_ATTEMPTS", 3)
QH_RECOVER_EVERY_SECONDS = env_int("QH_RECOVER_EVERY_SECONDS", 30)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": QH_RUN_TIMEOUT_SECONDS * 4 + 600}
# Queues per workload, so that each group of workers (any machine) takes one kind of work. dispatch() names the
# queue at each call site (runs by backend type); these routes cover tasks sent without one (beat, shell).
CELERY_TASK_ROUTES = {
    "runs.recover": {"queue": "default"},
    "runs.execute": {"queue": "simulation"},
    "spaces.execute": {"queue": "sandbox"},
    "circuits.analyse_version": {"queue": "processing"},
    "datasets.process_version": {"queue": "processing"},
}
CELERY_BEAT_SCHEDULE["recover-runs"] = {"task": "runs.recover", "schedule": float(QH_RECOVER_EVERY_SECONDS)}
CELERY_TASK_ROUTES["circuits.recover_analyses"] = {"queue": "default"}
CELERY_BEAT_SCHEDULE["recover-analyses"] = {
    "task": "circuits.recover_analyses",
    "schedule": float(QH_RECOVER_EVERY_SECONDS),
}

# --- Hardware providers (runs.providers) -------------------------------------------------------
QH_CREDENTIALS_KEY = env_str("QH_CREDENTIALS_KEY", "")  # Fernet key(s) for provider credentials; else from SECRET_KEY
QH_IBM_CHANNEL = env_str("QH_IBM_CHANNEL", "ibm_quantum_platform")
QH_HARDWARE_LOCAL_TESTING = env_bool("QH_HARDWARE_LOCAL_TESTING", False)
QH_HARDWARE_POLL_SECONDS = env_int("QH_HARDWARE_POLL_SECONDS", 30)
QH_HARDWARE_POLL_MAX_FAILURES = env_int("QH_HARDWARE_POLL_MAX_FAILURES", 20)
QH_HARDWARE_RUN_TIMEOUT_SECONDS = env_int("QH_HARDWARE_RUN_TIMEOUT_SECONDS", 3 * 24 * 3600)
CELERY_IMPORTS = ("runs.providers.tasks",)
CELERY_TASK_ROUTES["runs.poll_hardware"] = {"queue": "hardware"}
CELERY_BEAT_SCHEDULE["poll-hardware"] = {"task": "runs.poll_hardware", "schedule": float(QH_HARDWARE_POLL_SECONDS)}
