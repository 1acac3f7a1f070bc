"""Sending email through one small interface, so no view knows how mail leaves the building.

Backends (MAIL_BACKEND): `folder` (development: each message is written to MAIL_FOLDER as a
.eml file and its subject logged to the console), `memory` (tests: kept in a list on the app),
`smtp` (production: MAIL_SERVER, MAIL_PORT, MAIL_USERNAME, MAIL_PASSWORD, MAIL_USE_TLS).
Message bodies can carry one-time links, so they are never logged.
"""
from __future__ import annotations

import smtplib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from email.message import EmailMessage
from pathlib import Path

from flask import current_app
from flask_babel import force_locale


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str


def in_language(code: str | None):
    """A `with` block in which an email is written in its recipient's language: `code` when the
    site offers that language, otherwise English (the default for anyone we do not know)."""
    supported = current_app.config["LANGUAGES"]
    return force_locale(code if code in supported else current_app.config["BABEL_DEFAULT_LOCALE"])


def for_staff(compose: Callable) -> Callable:
    """Staff emails are written in English, whatever language the person whose action sends
    them is using the site in (staff accounts have no language of their own)."""
    @wraps(compose)
    def in_english(*args, **kwargs):
        with in_language(None):
            return compose(*args, **kwargs)
    return in_english


def _clean_header(value: str) -> str:
    # A CR or LF in a header would let text add headers of its own (ASVS 1.3.11).
    return " ".join(value.replace("\r", " ").replace("\n", " ").split())


def _message(mail: Mail) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_FROM"]
    msg["To"] = mail.to
    msg["Subject"] = mail.subject
    msg.set_content(mail.body)
    return msg


def send_mail(to: str, subject: str, body: str) -> None:
    mail = Mail(_clean_header(to), _clean_header(subject), body)
    backend = current_app.config["MAIL_BACKEND"]
    if backend == "memory":
        current_app.extensions.setdefault("mail_outbox", []).append(mail)
    elif backend == "folder":
        folder = Path(current_app.config["MAIL_FOLDER"])
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{uuid.uuid4()}.eml"
        path.write_bytes(bytes(_message(mail)))
        current_app.logger.warning("Email to %s: %r written to %s", mail.to, mail.subject, path)
    elif backend == "smtp":
        cfg = current_app.config
        with smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=20) as smtp:
            if cfg["MAIL_USE_TLS"]:
                smtp.starttls()
            if cfg.get("MAIL_USERNAME"):
                smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"])
            smtp.send_message(_message(mail))
    else:
        raise RuntimeError(f"Unknown MAIL_BACKEND {backend!r}")


def outbox() -> list[Mail]:
    """Messages sent with the memory backend (tests)."""
    return current_app.extensions.setdefault("mail_outbox", [])


def send_mail_safely(to: str, subject: str, body: str) -> bool:
    """Send, but never turn a mail server problem into an error page for a change already
    saved: log the failure (not the message) and return False so the page can say so."""
    try:
        send_mail(to, subject, body)
    except (OSError, smtplib.SMTPException) as error:
        current_app.logger.error("Email could not be sent: %s", type(error).__name__)
        return False
    return True
