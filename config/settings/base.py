"""Settings for every environment, read from environment variables only.

The embedded default (no variable set) is what `make run` serves: SQLite in WAL mode, Celery tasks inline,
e-mail written to var/mail, media on disk. `DJANGO_ENV=production` switches on the production hardening and
refuses to start without a real SECRET_KEY.
"""

from pathlib import Path

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_database, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("DJANGO_VAR_DIR", str(BASE_DIR / "var")))

DJANGO_ENV = env_str("DJANGO_ENV", "development")
if DJANGO_ENV not in {"development", "production", "test"}:
    raise ImproperlyConfigured(f"DJANGO_ENV must be development, production or test, got {DJANGO_ENV!r}.")
IS_PRODUCTION = DJANGO_ENV == "production"

_DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY") or ("" if IS_PRODUCTION else _DEV_SECRET_KEY)
if IS_PRODUCTION and (not SECRET_KEY or SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters when DJANGO_ENV=production."
    )

DEBUG = env_bool("DJANGO_DEBUG", default=DJANGO_ENV == "development")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if IS_PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
if IS_PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names when DJANGO_ENV=production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "config",
    "volunteers",
    "volunteers.mentoring",
    "volunteers.clubs",
    "volunteers.reporting",
    "training",
    "events",
    "cms",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.middleware.SiteCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "config.middleware.RememberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "config.middleware.AdminRequiresMFAMiddleware",
    "config.middleware.AdminLanguageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "config" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "volunteers.context_processors.roles",
                "volunteers.display.easy_reading",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------------
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at BEGIN, so two
    # writers queue instead of failing with "database is locked" half-way through a transaction.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------------------------------------
_cache_url = env_str("CACHE_URL")
if _cache_url.startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}}
elif _cache_url:
    raise ImproperlyConfigured("CACHE_URL must be a redis:// or rediss:// URL (or unset for a local cache).")
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Accounts ---------------------------------------------------------------------------------------------
AUTH_USER_MODEL = "volunteers.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "account_profile"
ACCOUNT_FORMS = {"signup": "volunteers.forms.VolunteerSignupForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if IS_PRODUCTION else "http"
# allauth's defaults throttle logins, sign-ups, resets and confirmation mails; they are kept on in every
# environment. They count in the cache, so production needs the shared CACHE_URL.
ACCOUNT_RATE_LIMITS = {
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reset_password": "20/m/ip,5/m/key",
    "reauthenticate": "10/m/user",
    "reset_password_from_key": "20/m/ip",
    "signup": "20/m/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Birgemiz volunteers")

# --- Languages --------------------------------------------------------------------------------------------
LANGUAGE_CODE = "kk"
LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor"]
FORMAT_MODULE_PATH = ["config.formats"]
LANGUAGE_COOKIE_NAME = "lang"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = env_str("TIME_ZONE", "Asia/Almaty")
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Wagtail's admin ships no Kazakh catalogue, so editors work in Russian or English.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ru", "Русский"), ("en", "English")]

# --- Wagtail ----------------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Birgemiz"
WAGTAILADMIN_BASE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
# No calls out of the country at run time: no Gravatar avatars (it would receive hashed e-mail addresses),
# no update check against wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "txt", "csv"]

# --- Static and media ---------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns at every start when it is missing
STATICFILES_DIRS = [BASE_DIR / "config" / "static"]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
WHITENOISE_USE_FINDERS = not IS_PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if IS_PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if env_str("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible object storage (it must be located in Kazakhstan: personal data law, art. 12).
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Above the largest form a person can post by mistake (a pasted 10 MB name gets a message, not a 400).
DATA_UPLOAD_MAX_MEMORY_SIZE = 16 * 1024 * 1024

# --- E-mail -----------------------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Birgemiz <noreply@birgemiz.localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
if env_str("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_str("EMAIL_HOST")
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# --- Celery -----------------------------------------------------------------------------------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or (CELERY_BROKER_URL or None)
# With no broker the embedded default runs every task inline, in the caller's process.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://localhost/"
# Task modules beyond the `tasks.py` that autodiscovery finds.
CELERY_IMPORTS = ["volunteers.tasks_import", "volunteers.mentoring.tasks_matching"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 14 * 60
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
HEALTHZ_BROKER_TIMEOUT = 2

# --- Security ---------------------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        # Videos in CMS pages: YouTube's and Vimeo's privacy modes only (config.blocks.VideoBlock).
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Wagtail's admin still renders inline scripts and styles (wagtail/wagtail#1288); it gets this looser policy,
# the public site never does.
CSP_ADMIN_RELAXED = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}
CSP_ADMIN_PREFIXES = ("/admin/",)

# --- Logging ----------------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO" if IS_PRODUCTION else "WARNING")},
}

# --- Domain -----------------------------------------------------------------------------------------------
# Age rules (Law "On volunteer activity" art. 12, and the children's-rights committee's 2025 position that
# consent is needed under 16): configurable, the stricter rule by default.
VOLUNTEERS_MIN_AGE_ALONE = env_int("VOLUNTEERS_MIN_AGE_ALONE", 14)
VOLUNTEERS_GUARDIAN_CONSENT_UNDER = env_int("VOLUNTEERS_GUARDIAN_CONSENT_UNDER", 16)
VOLUNTEERS_ADULT_AGE = 18
VOLUNTEERS_SILVER_AGE = env_int("VOLUNTEERS_SILVER_AGE", 50)
VOLUNTEERS_MAX_AGE = 120
# The burnout guard: no sign-up that puts more than this many hours of shifts into any 7 days (0: no limit).
VOLUNTEERS_WEEKLY_HOURS_LIMIT = env_int("VOLUNTEERS_WEEKLY_HOURS_LIMIT", 40)

# Mentoring: how long a certificate of no criminal record counts when its expiry is not given; the weeks
# without a meeting after which the mentor is reminded (a centre may set its own); the stage from which an
# experienced volunteer may mentor newcomers; the engine's candidates kept per mentee; the largest capacity.
MENTORING_CHECK_VALID_MONTHS = env_int("MENTORING_CHECK_VALID_MONTHS", 12)
MENTORING_REMINDER_WEEKS = env_int("MENTORING_REMINDER_WEEKS", 3)
MENTORING_NEWCOMERS_MIN_STAGE = env_int("MENTORING_NEWCOMERS_MIN_STAGE", 3)
MENTORING_CANDIDATES = env_int("MENTORING_CANDIDATES", 50)
MENTORING_MAX_CAPACITY = 5
MENTORING_MENTEE_AGES = (6, 30)

# Craft clubs: the ages a club may be opened for; the sessions one schedule may hold (a school year of three
# days a week is ~120); the photos a master may show; the children one phone may have enrolled at a time in
# one club (a guard against a form filled by a script, not a family's limit).
CLUBS_CHILD_AGES = (5, 18)
CLUBS_SESSIONS_MAX = env_int("CLUBS_SESSIONS_MAX", 200)
CLUBS_MASTER_PHOTOS_MAX = env_int("CLUBS_MASTER_PHOTOS_MAX", 6)
CLUBS_CHILDREN_PER_PHONE = env_int("CLUBS_CHILDREN_PER_PHONE", 6)

# --- Events ---------------------------------------------------------------------------------------------
# Celery beat (production) queues the 24-hour reminders; `manage.py events_remind` does the same from cron.
CELERY_BEAT_SCHEDULE = {
    "events-reminders": {"task": "events.tasks.reminders_send", "schedule": 600.0},
    # Certificates that end within a month: one e-mail each (training.notices); hourly, so a day's beat
    # missed by a restart is caught up.
    "training-expiry-reminders": {"task": "training.tasks.expiry_reminders_send", "schedule": 3600.0},
    # Volunteer zholy: every volunteer's stage, nightly, in chunks (`manage.py stages_evaluate` from cron).
    "volunteers-stages-nightly": {
        "task": "volunteers.tasks.stages_evaluate_nightly",
        "schedule": crontab(hour=2, minute=30),
    },
    # Mentoring: a reminder to mentors with no meeting logged for the centre's number of weeks.
    "mentoring-reminders": {
        "task": "volunteers.mentoring.tasks.reminders_send",
        "schedule": crontab(hour=9, minute=0),
    },
    # Clubs: the children's names and guardians' contacts of clubs that ended or were cancelled (the consent
    # promises erasure within a day; `manage.py clubs_erase_ended` does the same from cron).
    "clubs-erase-ended": {
        "task": "volunteers.clubs.tasks.enrolments_erase_ended",
        "schedule": crontab(hour=3, minute=15),
    },
    # Figures: the book's new entries added to the rollups (`manage.py reporting_refresh` from cron).
    "reporting-rollups-refresh": {
        "task": "volunteers.reporting.tasks.rollups_refresh",
        "schedule": crontab(minute="*/10"),
        "options": {"expires": 540},
    },
    # The dashboards most readers open first, computed ahead in the three languages (figures.dashboard_warm).
    "reporting-figures-warm": {
        "task": "volunteers.reporting.tasks.figures_warm",
        "schedule": crontab(minute="2,12,22,32,42,52"),
        "options": {"expires": 540},
    },
}

# --- CMS ------------------------------------------------------------------------------------------------
# Anonymous visitors' pages are kept whole in the cache and purged on every publish (cms.cache). It must stay
# the innermost middleware: the cookies outer ones set (language, CSRF) are then never stored with a page.
MIDDLEWARE = [*MIDDLEWARE, "cms.cache.PageCacheMiddleware"]
CMS_PAGE_CACHE_SECONDS = env_int("CMS_PAGE_CACHE_SECONDS", 300)
# Uploads are refused with a form error above these limits; Pillow's own bomb guard would only warn below
# twice its default. SVG is not in WAGTAILIMAGES_EXTENSIONS: it can carry scripts.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Reads the pixel count from the file's header before Wagtail decodes it; a corrupt file is a form error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.uploads.ImageForm"
# Scheduled publishing: each minute, the pages whose go-live (or expiry) time has come.
CELERY_BEAT_SCHEDULE["cms-publish-scheduled"] = {
    "task": "cms.tasks.pages_publish_scheduled",
    "schedule": 60.0,
    "options": {"expires": 55},
}
