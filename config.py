"""Configuration classes, read from the environment (CONTRACT §2).

`make run` uses DevelopmentConfig; `LOCALOFFER_ENV=production` selects ProductionConfig,
which refuses to start without a real SECRET_KEY.
"""
from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
# Generated secrets, the SQLite database and development mail (LOCALOFFER_INSTANCE_DIR moves it,
# e.g. for a second copy of the site or the reliability tests).
INSTANCE_DIR = Path(os.environ.get("LOCALOFFER_INSTANCE_DIR") or BASE_DIR / "instance")


def _dev_secret_key() -> str:
    """A development key generated once and kept in instance/, so sessions survive restarts
    and every gunicorn worker signs cookies with the same key."""
    INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
    key_file = INSTANCE_DIR / "secret_key"
    if not key_file.exists():
        tmp = key_file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(secrets.token_hex(32))
        os.replace(tmp, key_file)  # atomic: two workers racing both end with one key
    return key_file.read_text().strip()


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        return f"sqlite:///{INSTANCE_DIR / 'localoffer.db'}"
    if url.startswith("postgresql://"):
        # psycopg 3 is our driver; accept the plain scheme most tools hand out.
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


class Config:
    ENV_NAME = "development"
    INSTANCE_FOLDER = str(INSTANCE_DIR)
    SERVICE_NAME = "Essex Local Offer"
    COUNCIL_NAME = "Essex County Council"
    SECRET_KEY = os.environ.get("SECRET_KEY") or None
    SQLALCHEMY_DATABASE_URI = _database_url()
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "whoosh")
    SEARCH_INDEX_DIR = os.environ.get("SEARCH_INDEX_DIR", str(BASE_DIR / "search_index"))
    REDIS_URL = os.environ.get("REDIS_URL") or None
    # How many proxies (load balancer, nginx) stand in front of gunicorn and add
    # X-Forwarded-For/-Proto/-Host. 0 (as `make run`): those headers are ignored, since any
    # visitor could send them. Set it to exactly the number of proxies: one too many lets a
    # visitor choose the address rate limits count them under.
    PROXY_HOPS = int(os.environ.get("PROXY_HOPS", "0"))
    LANGUAGES = ("en", "pl", "ro")
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "Europe/London"
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "localoffer" / "translations")
    WTF_CSRF_TIME_LIMIT = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    MAX_CONTENT_LENGTH = 256 * 1024
    # How long a visitor's shortlist (in the session cookie) is kept between visits.
    PERMANENT_SESSION_LIFETIME = timedelta(days=90)
    SEARCH_PAGE_SIZE = 20
    # Rendered search pages each worker keeps (localoffer/pagecache.py); 0 turns the cache off.
    PAGE_CACHE_SIZE = int(os.environ.get("PAGE_CACHE_SIZE", "512"))
    PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
    SHORTLIST_MAX = 50
    # A listing not reviewed for this many days shows an "may be out of date" warning.
    REVIEW_WARNING_DAYS = 365
    SENDIASS_PHONE = "0333 013 8913"
    SENDIASS_URL = "https://www.essexsendiass.co.uk"
    # Help for families who cannot use the website (start, contact and accessibility pages).
    LOCAL_OFFER_PHONE = os.environ.get("LOCAL_OFFER_PHONE", "0345 743 0430")
    LOCAL_OFFER_EMAIL = os.environ.get("LOCAL_OFFER_EMAIL") or None
    FAMILY_FORUM_URL = "https://www.essexfamilyforum.org"
    # For letters and requests for printed copies (the offline-access and accessibility pages).
    LOCAL_OFFER_POSTAL_ADDRESS = os.environ.get(
        "LOCAL_OFFER_POSTAL_ADDRESS", "Local Offer team, Essex County Council, County Hall, Market Road, Chelmsford CM1 1QH")
    # Where the wall signposts comments about one child's case or a worry about a child's safety.
    COUNCIL_COMPLAINTS_URL = os.environ.get(
        "COUNCIL_COMPLAINTS_URL", "https://www.essex.gov.uk/contact-us/complaints-comments-and-compliments")
    CHILDREN_AND_FAMILIES_HUB_PHONE = os.environ.get("CHILDREN_AND_FAMILIES_HUB_PHONE", "0345 603 7627")
    # `flask oruk import`: when true, new services and changes from a feed wait in the moderators'
    # approval queue (/staff/listings/queue) like providers' changes, and families keep seeing
    # the approved listing until a moderator approves. When false they go live at once.
    ORUK_IMPORT_REQUIRES_APPROVAL = os.environ.get("ORUK_IMPORT_REQUIRES_APPROVAL", "").lower() in ("1", "true", "yes")

    # Staff sign-in (README "Security"): sessions end after 30 idle minutes or 12 hours.
    STAFF_IDLE_MINUTES = 30
    STAFF_MAX_HOURS = 12
    # A warning with a "Stay signed in" button this long before either end (WCAG 2.2.1).
    STAFF_TIMEOUT_WARNING_SECONDS = 120
    STAFF_MFA_REQUIRED = False  # two-factor for staff roles; always on in production
    # Failed sign-ins allowed per account and per IP address in each window.
    SIGN_IN_ACCOUNT_LIMIT = 10
    SIGN_IN_IP_LIMIT = 100
    SIGN_IN_IP_BURST_LIMIT = 20  # failures per address in any one minute
    SIGN_IN_WINDOW_SECONDS = 15 * 60
    INVITATION_HOURS = 72
    PASSWORD_RESET_MINUTES = 60
    # "Forgotten password" requests: per email address (quietly, so nobody learns whether an
    # account exists, and nobody's inbox is flooded) and per IP address, in each hour.
    PASSWORD_RESET_ACCOUNT_LIMIT = 3
    PASSWORD_RESET_IP_LIMIT = 20
    PASSWORD_RESET_WINDOW_SECONDS = 60 * 60
    # Wrong "current password" answers on the change-password page before a 15-minute wait.
    PASSWORD_CHANGE_LIMIT = 5
    # Where links in emails point (emails are sent outside a request, e.g. by the daily job).
    PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:5000")

    # Email (localoffer/mail.py): development writes messages to instance/mail/.
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "folder")
    MAIL_FOLDER = os.environ.get("MAIL_FOLDER", str(INSTANCE_DIR / "mail"))
    MAIL_FROM = os.environ.get("MAIL_FROM", "Essex Local Offer <localoffer@essex.gov.uk>")
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME") or None
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD") or None
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "true").lower() in ("1", "true", "yes")

    # Freshness: a listing is due for review this long after its last review; a reminder that
    # gets no answer for ESCALATE_AFTER_DAYS goes to council moderators.
    REVIEW_INTERVAL_DAYS = 365
    REVIEW_REMINDER_DAYS_BEFORE = 14
    REVIEW_ESCALATE_AFTER_DAYS = 28

    # Family voice (README, "Family voice"). Public flags that hide a wall post for review
    # (a flag saying a post identifies someone hides it at once).
    WALL_FLAG_THRESHOLD = int(os.environ.get("WALL_FLAG_THRESHOLD", "3"))
    # Wall posts one browser may send per hour before being asked to wait.
    WALL_POST_LIMIT_PER_HOUR = int(os.environ.get("WALL_POST_LIMIT_PER_HOUR", "10"))
    # Public forms, per connection (a hash of the address), shared by every worker: (requests,
    # seconds). RATE_LIMIT_FACTOR scales every limit, sign-in ones included, e.g. 1000 for a load
    # test or a security probe (never in production).
    RATE_LIMIT_FACTOR = float(os.environ.get("RATE_LIMIT_FACTOR", "1"))
    PUBLIC_RATE_LIMITS = {
        "wall-post": ("WALL_POST_LIMIT_PER_HOUR", 3600),  # a name: that setting's value
        "wall-reaction": (60, 3600),  # "me too" and flags
        "wall-follow": (30, 3600),  # changes made through a private follow link
        "survey": (300, 3600),  # survey pages sent (a wave has about 20)
        "problem-report": (10, 3600),
        "listing-check": (30, 3600),
        "shortlist": (300, 3600),
    }
    STRICT_TRANSPORT_SECURITY = False
    # Retention schedule (localoffer/data/retention.py, README "Data protection"), in days.
    SURVEY_DRAFT_MAX_DAYS = int(os.environ.get("SURVEY_DRAFT_MAX_DAYS", "2"))
    RETENTION_FREE_TEXT_DAYS = int(os.environ.get("RETENTION_FREE_TEXT_DAYS", "365"))
    RETENTION_FREE_TEXT_MAX_DAYS = int(os.environ.get("RETENTION_FREE_TEXT_MAX_DAYS", "730"))
    RETENTION_PROBLEM_REPORT_DAYS = int(os.environ.get("RETENTION_PROBLEM_REPORT_DAYS", "365"))
    RETENTION_CONTACT_DAYS = int(os.environ.get("RETENTION_CONTACT_DAYS", "365"))
    RETENTION_PUBLISHED_POST_DAYS = int(os.environ.get("RETENTION_PUBLISHED_POST_DAYS", str(3 * 365)))
    RETENTION_SEARCH_LOG_DAYS = int(os.environ.get("RETENTION_SEARCH_LOG_DAYS", str(2 * 365)))
    RETENTION_STAFF_SESSION_DAYS = int(os.environ.get("RETENTION_STAFF_SESSION_DAYS", "90"))
    RETENTION_AUDIT_DAYS = int(os.environ.get("RETENTION_AUDIT_DAYS", str(6 * 365)))
    RETENTION_SURVEY_RESPONSE_DAYS = int(os.environ.get("RETENTION_SURVEY_RESPONSE_DAYS", str(5 * 365)))
    # Working days the moderators aim to decide a wall post in (shown to families).
    WALL_TARGET_WORKING_DAYS = 5
    # Days the Forum has to sign a "you said, we did" version the council signed before the
    # council may publish it alone, showing that the Forum has not agreed (deadlock rule).
    YSWD_FORUM_SIGN_DAYS = int(os.environ.get("YSWD_FORUM_SIGN_DAYS", "28"))

    # Insight for commissioners (README, "Insight"): a coverage cell with this many services or
    # fewer is "thin"; a search that found this many results or fewer "found very little"
    # (the search itself offers a spelling suggestion from the same point).
    INSIGHT_THIN_MAX = int(os.environ.get("INSIGHT_THIN_MAX", "2"))
    INSIGHT_FEW_RESULTS = int(os.environ.get("INSIGHT_FEW_RESULTS", "2"))


class DevelopmentConfig(Config):
    DEBUG = False  # gunicorn serves make run; the debugger must never be reachable
    SECRET_KEY = os.environ.get("SECRET_KEY") or _dev_secret_key()
    SESSION_COOKIE_SECURE = False


class TestConfig(Config):
    ENV_NAME = "test"
    TESTING = True
    SECRET_KEY = "test-secret-key-not-for-production"
    SESSION_COOKIE_SECURE = False
    WTF_CSRF_ENABLED = False
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    MAIL_BACKEND = "memory"
    PUBLIC_BASE_URL = "http://localhost"
    # Cheap hashes so hundreds of test sign-ins stay fast (production keeps Werkzeug's scrypt).
    PASSWORD_HASH_METHOD = "scrypt:1024:8:1"


class ProductionConfig(Config):
    ENV_NAME = "production"
    STAFF_MFA_REQUIRED = True
    # __Host-: only ever sent over HTTPS, for this exact host, path / (ASVS 3.3.1).
    SESSION_COOKIE_NAME = "__Host-session"
    STRICT_TRANSPORT_SECURITY = True
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "smtp")

    @classmethod
    def check(cls) -> None:
        if not cls.SECRET_KEY or len(cls.SECRET_KEY) < 32:
            raise RuntimeError("SECRET_KEY must be set to at least 32 characters in production")


def config_for_environment() -> type[Config]:
    env = os.environ.get("LOCALOFFER_ENV", "development")
    if env == "production":
        ProductionConfig.check()
        return ProductionConfig
    return DevelopmentConfig
