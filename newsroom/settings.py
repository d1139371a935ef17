"""Settings for Newsroom, read from the environment with safe defaults.

With nothing configured the project runs embedded: SQLite under ``var/``, uploads under
``var/media``, a local-memory cache. Production sets ``DATABASE_URL``, ``SECRET_KEY``,
``ALLOWED_HOSTS`` and friends; see docs/configuration.md for the full list.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from newsroom.env import env_bool, env_choice, env_int, env_list, env_str


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("NEWSROOM_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. Generate one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    # Development only: a key that is obviously not a secret, so sessions survive restarts.
    SECRET_KEY = "django-insecure-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "knox",
    "axes",
    "csp",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "newsroom",
    "media",
    "articles",
    "wire",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything looks up a slug, a session or a token: NUL in a request is a 400.
    "newsroom.middleware.StorableTextMiddleware",
    # Early, so its header goes on every page, the login lockout page included.
    "newsroom.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Turns a login refused for too many failures into its 429 (newsroom.logins).
    "axes.middleware.AxesMiddleware",
    # Last, so the others still add their headers: cached public reads end here.
    "articles.delivery.middleware.CachedPublicReadsMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

# Database: DATABASE_URL (postgres://..., sqlite:///...) or an SQLite file under var/.
DATABASE_URL = env_str("DATABASE_URL")
if not DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{VAR_DIR / 'newsroom.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        # A health check costs a round trip to the database on every request; off by
        # default (a dropped connection fails one request), on where connections drop.
        conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", False),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while an editor writes; IMMEDIATE avoids "database is
    # locked" upgrades from read to write transactions under concurrent requests.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache (Redis) when CACHE_URL or REDIS_URL names one; local memory otherwise.
CACHE_URL = env_str("CACHE_URL") or env_str("REDIS_URL")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "newsroom"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Django's default of 300 entries is fewer than a front page's worth of
            # articles, lists and formats: past it, hot responses evict each other.
            "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 5000)},
        }
    }

# Background work (renditions, webhook deliveries) through django-tasks. "database"
# queues tasks in the database for `manage.py db_worker`; "immediate" runs them inline.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {
    "default": {"BACKEND": TASK_BACKENDS[env_choice("TASKS_BACKEND", TASK_BACKENDS, "database")]}
}

AUTHENTICATION_BACKENDS = [
    # First: refuses any login, right password or not, while the user or address is
    # locked out after too many failures (django-axes).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Brute-force protection of every password login (the admin, POST /api/v1/auth/token/):
# LOGIN_FAILURE_LIMIT failures for one user, or from one address, lock that user or
# address out for LOGIN_LOCKOUT_MINUTES; a failure while locked out starts it again.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_LOCKOUT_MINUTES = env_int("LOGIN_LOCKOUT_MINUTES", 15)
if AXES_FAILURE_LIMIT < 1 or LOGIN_LOCKOUT_MINUTES < 1:
    raise ImproperlyConfigured("LOGIN_FAILURE_LIMIT and LOGIN_LOCKOUT_MINUTES must be positive.")
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The client's address as the rate limits read it: X-Forwarded-For only behind NUM_PROXIES.
AXES_CLIENT_IP_CALLABLE = "newsroom.clients.client_address"
AXES_LOCKOUT_CALLABLE = "newsroom.logins.lockout_response"
# No banner on every manage.py command; failures and lockouts are still logged.
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Interface language of the admin; content languages are NEWSROOM_LANGUAGES below.
LANGUAGE_CODE = env_str("LANGUAGE_CODE", "en")
# The newsroom's own time zone: editors enter and read times in it, storage is UTC.
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Request bodies (files aside) larger than this are refused before they reach a view
# (bytes); the API answers 413 in its error shape (newsroom/api/errors.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
# Form fields in one request: the admin's article page at the limits of articles/limits.py
# (1,000 blocks, 500 quotes, 50 bylines) sends about 17,000; Django's default, 1,000,
# refused any article longer than about 100 blocks.
DATA_UPLOAD_MAX_NUMBER_FIELDS = env_int("DATA_UPLOAD_MAX_NUMBER_FIELDS", 20_000)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Production hardening: on by default whenever DEBUG is off.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp) on every HTML page: scripts only from this origin
# or inline with the response's nonce (templates write nonce="{{ request.csp_nonce }}"),
# so injected markup cannot run a script. Styles may be inline: the admin, Swagger UI and
# Redoc set style attributes and add <style> elements from their scripts, and a style
# cannot run code. Images may also come from where media is served (MEDIA_URL, S3).
CSP_IMG_SOURCES = [SELF, "data:", "blob:", *env_list("CSP_IMG_SRC")]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": CSP_IMG_SOURCES,
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        # Redoc searches in a worker it starts from a blob: URL.
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if env_str("CSP_REPORT_URI"):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["report-uri"] = [env_str("CSP_REPORT_URI")]
if urlsplit(MEDIA_URL).netloc:
    CSP_IMG_SOURCES.append(_origin(MEDIA_URL))

# Proxies (load balancers, CDNs) in front of the app that append the client's address to
# X-Forwarded-For. 0: none, the header is ignored and REMOTE_ADDR is the client.
NUM_PROXIES = env_int("NUM_PROXIES", 0)
if NUM_PROXIES < 0:
    raise ImproperlyConfigured(f"NUM_PROXIES={NUM_PROXIES} cannot be negative.")

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": [
        "newsroom.api.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "newsroom.api.parsers.JSONParser",  # orjson, bounded in depth
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Scripts and front-end build servers: "Authorization: Token <key>", a key from
        # POST /api/v1/auth/token/ (django-rest-knox: stored hashed, expiring).
        "newsroom.api.authentication.TokenAuthentication",
        # The admin's own pages, with their CSRF protection.
        "newsroom.api.authentication.SessionAuthentication",
    ],
    # How many proxies of ours stand in front and append to X-Forwarded-For; the client's
    # address is read behind them (newsroom.clients). None would believe any client.
    "NUM_PROXIES": NUM_PROXIES,
    # Rate limits per client (anonymous: per IP; logged in: per user), in the cache.
    "DEFAULT_THROTTLE_CLASSES": ["newsroom.api.throttling.ClientRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_RATE_ANONYMOUS", "600/minute"),
        "user": env_str("API_RATE_USER", "1200/minute"),
    },
    # Secure by default: public read endpoints say AllowAny themselves.
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "newsroom.api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "URL_FORMAT_OVERRIDE": None,
}

# API tokens (django-rest-knox): only a hash is stored; each token expires this many hours
# after it is issued. Admins see and revoke them in the admin (Knox, Auth tokens).
API_TOKEN_LIFETIME_HOURS = env_int("API_TOKEN_LIFETIME_HOURS", 24)
if API_TOKEN_LIFETIME_HOURS <= 0:
    raise ImproperlyConfigured("API_TOKEN_LIFETIME_HOURS must be a positive number of hours.")
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=API_TOKEN_LIFETIME_HOURS),
    # The header scheme DRF's own tokens used: "Authorization: Token <key>".
    "AUTH_HEADER_PREFIX": "Token",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# --- Newsroom ---------------------------------------------------------------------------

# Languages articles, captions and quotes can be written in (codes from Django's list).
NEWSROOM_LANGUAGES = env_list("NEWSROOM_LANGUAGES", ["en", "es", "fr", "de", "it", "pt", "ar"])
NEWSROOM_DEFAULT_LANGUAGE = env_str("NEWSROOM_DEFAULT_LANGUAGE", NEWSROOM_LANGUAGES[0])
# The house style for photo credit lines; keys documented in media/credits.py.
NEWSROOM_CREDIT_LINE_STYLE = {}

# The publication, as partners and search engines see it.
NEWSROOM_PUBLICATION_NAME = env_str("NEWSROOM_PUBLICATION_NAME", "Newsroom")
NEWSROOM_PUBLISHER_LOGO_URL = env_str("NEWSROOM_PUBLISHER_LOGO_URL", "")
# Where readers find articles: the front-end's address and its path pattern, with
# {section_path}, {slug}, {id} and {language} to fill in.
NEWSROOM_SITE_URL = env_str("NEWSROOM_SITE_URL", "http://localhost:3000")
NEWSROOM_ARTICLE_PATH = env_str("NEWSROOM_ARTICLE_PATH", "/{section_path}/{slug}/")
NEWSROOM_SECTION_PATH = env_str("NEWSROOM_SECTION_PATH", "/{section_path}/")
# This service's public address, for absolute links in feeds and partner formats.
NEWSROOM_API_URL = env_str("NEWSROOM_API_URL", "http://127.0.0.1:8000")
# Prefix of the global ids (ninjs uri, feed guids): urn:newsroom:article:42.
NEWSROOM_URN_PREFIX = env_str("NEWSROOM_URN_PREFIX", "urn:newsroom")

# Public responses: a shared cache keyed by the publication generation, and HTTP
# lifetimes for browsers (max-age) and CDNs (s-maxage), each cut short by schedules.
NEWSROOM_RESPONSE_CACHE = env_bool("NEWSROOM_RESPONSE_CACHE", True)
NEWSROOM_RESPONSE_CACHE_SECONDS = env_int("NEWSROOM_RESPONSE_CACHE_SECONDS", 300)
NEWSROOM_HTTP_MAX_AGE = env_int("NEWSROOM_HTTP_MAX_AGE", 60)
NEWSROOM_HTTP_SHARED_MAX_AGE = env_int("NEWSROOM_HTTP_SHARED_MAX_AGE", 300)

SPECTACULAR_SETTINGS = {
    "TITLE": "Newsroom API",
    "DESCRIPTION": (
        "Published articles, sections, people, tags and quotes, and the write API of the "
        "newsroom. Public reads serve published versions only. Errors share one shape: "
        '{"error": {"status", "code", "message", "fields"}}. See docs/api.md.'
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and Redoc from the installed sidecar package, not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_NO_READ_ONLY_REQUIRED": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
}

# How long a draft's preview link (POST /api/v1/desk/articles/<id>/preview-token/) works.
NEWSROOM_PREVIEW_SECONDS = env_int("NEWSROOM_PREVIEW_SECONDS", 2 * 3600)

# Benchmarks only (bench/api.py): serve this file's bytes at /bench/ceiling/.
NEWSROOM_BENCH_CEILING_FILE = env_str("NEWSROOM_BENCH_CEILING_FILE")

# --- Photos (docs/photos.md) --------------------------------------------------------------

# Upload limits. Pixels bound decoding memory (a decompression bomb declares millions of
# pixels in a few kilobytes); sides and aspect ratio refuse absurd dimensions.
NEWSROOM_PHOTO_MAX_BYTES = env_int("PHOTO_MAX_BYTES", 50 * 1024 * 1024)
NEWSROOM_PHOTO_MAX_PIXELS = env_int("PHOTO_MAX_PIXELS", 60_000_000)
NEWSROOM_PHOTO_MAX_SIDE = 16_000
NEWSROOM_PHOTO_MIN_SIDE = 8
NEWSROOM_PHOTO_MAX_ASPECT_RATIO = 10
# Declared renditions: every crop at every width in every format, nothing else. A width
# is that of the whole picture at that size; crops are cut from it around the focal
# point. Changing this and running `manage.py regenerate_renditions` applies it.
NEWSROOM_RENDITIONS = {
    "widths": [400, 800, 1200, 1600],
    "crops": {"full": None, "16x9": [16, 9], "4x3": [4, 3], "1x1": [1, 1]},
    "formats": ["jpeg", "webp"],
    "jpeg_quality": 82,
    "webp_quality": 80,
}
# Originals and renditions go through the default storage: local files under
# MEDIA_ROOT, or S3-compatible object storage with STORAGE_BACKEND=s3 (needs the "s3"
# extra: pip install newsroom[s3]). Credentials come from the usual AWS variables.
if env_choice("STORAGE_BACKEND", {"local": 0, "s3": 1}, "local") == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": env_str("AWS_LOCATION", ""),
            # Photos are public once published: plain, cacheable URLs, not signed ones.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
        },
    }
    if not STORAGES["default"]["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("STORAGE_BACKEND=s3 needs AWS_STORAGE_BUCKET_NAME.")
    # The admin shows photos from the bucket: the Content-Security-Policy must allow it.
    _s3 = STORAGES["default"]["OPTIONS"]
    if _s3["custom_domain"]:
        CSP_IMG_SOURCES.append(f"https://{_s3['custom_domain']}")
    elif _s3["endpoint_url"]:
        CSP_IMG_SOURCES.append(_origin(_s3["endpoint_url"]))
    else:
        CSP_IMG_SOURCES.append(f"https://{_s3['bucket_name']}.s3.amazonaws.com")
        if _s3["region_name"]:
            CSP_IMG_SOURCES.append(
                f"https://{_s3['bucket_name']}.s3.{_s3['region_name']}.amazonaws.com"
            )

# --- Editorial desk (articles/workflow.py, docs/editorial.md) ---------------------------

# Article history: every save of an article is a revision (django-reversion).
INSTALLED_APPS += ["reversion"]
