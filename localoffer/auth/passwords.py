"""Password rules (ASVS 6.2): length only, no composition rules, paste allowed, checked
against 20,000 common passwords and words about this service. Hashed with Werkzeug's scrypt."""
from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

from flask_babel import gettext as _
from flask import current_app, has_app_context
from werkzeug.security import check_password_hash, generate_password_hash

from .roles import STAFF_ROLES

MAX_LENGTH = 1024  # long enough for any passphrase, short enough to bound hashing cost
# Words that make a password easy to guess for anyone who knows where it is used.
CONTEXT_WORDS = ("essex", "localoffer", "local offer", "send", "council", "familyforum", "password")


def min_length(role: str) -> int:
    return 15 if role in STAFF_ROLES else 12


@cache
def _common() -> frozenset[str]:
    path = Path(__file__).with_name("common-passwords.txt.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip())


def password_problem(password: str, role: str, email: str = "") -> str | None:
    """Why a new password is not acceptable, in plain words, or None if it is fine."""
    if len(password) < min_length(role):
        return _("Password must be %(n)d characters or more", n=min_length(role))
    if len(password) > MAX_LENGTH:
        return _("Password must be %(n)d characters or fewer", n=MAX_LENGTH)
    lowered = password.lower()
    squashed = "".join(lowered.split())
    if lowered in _common() or squashed in _common():
        return _("This password is too common. Use three or more random words")
    local_part = email.split("@")[0].lower()
    if (local_part and len(local_part) >= 4 and local_part in lowered) or any(
            squashed.replace(w.replace(" ", ""), "") == "" or _mostly(squashed, w.replace(" ", ""))
            for w in CONTEXT_WORDS):
        return _("Password must not be based on your email address or the name of this service")
    if len(set(lowered)) < 4:
        return _("Password must not repeat the same few characters")
    return None


def _mostly(password: str, word: str) -> bool:
    """The password is the word with only a few characters added (e.g. 'essex2026!!')."""
    return word in password and len(password) - len(word) < 8


def _method() -> str:
    # Werkzeug's default, scrypt (n=32768, r=8, p=1). Only the test settings lower the cost, so
    # a suite that signs in hundreds of times stays fast; hashes record their own parameters.
    return current_app.config.get("PASSWORD_HASH_METHOD", "scrypt") if has_app_context() else "scrypt"


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=_method())


def verify_password(stored_hash: str | None, password: str) -> bool:
    # Unknown user or no password yet: still spend the hashing time, so timing tells nothing.
    if not stored_hash:
        check_password_hash(_dummy_hash(_method()), password)
        return False
    return check_password_hash(stored_hash, password[:MAX_LENGTH])


@cache
def _dummy_hash(method: str = "scrypt") -> str:
    return generate_password_hash("not a real password, only here to take the same time", method=method)
