"""Time-based one-time codes (RFC 6238): 30-second steps, one step of clock drift allowed either
way, and each step accepted once only (ASVS 6.5.1)."""
from __future__ import annotations

import time

import pyotp

ISSUER = "Essex Local Offer"


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def matching_step(secret: str, code: str, at: float | None = None) -> int | None:
    """The time step the code belongs to (now, or one step either side), or None."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now = at if at is not None else time.time()
    step = int(now // totp.interval)
    for candidate in (step, step - 1, step + 1):
        if pyotp.utils.strings_equal(totp.generate_otp(candidate), code):
            return candidate
    return None


def verify_code(user, code: str, secret: str | None = None) -> bool:
    """Check a code for the user (or for a secret being set up) and spend its time step."""
    secret = secret or user.totp_secret
    if not secret:
        return False
    step = matching_step(secret, code)
    if step is None or (user.totp_last_step is not None and step <= user.totp_last_step):
        return False
    user.totp_last_step = step
    return True
