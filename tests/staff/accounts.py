"""Build accounts for tests and sign them in through the real sign-in form."""
from __future__ import annotations

import itertools

from localoffer.data.accounts import create_user
from localoffer.extensions import db
from localoffer.models import Organisation, User

PASSWORD = "correct horse battery staple"  # long enough for every role, not a common password
_counter = itertools.count(1)


def make_user(role: str, *, email: str | None = None, organisation: Organisation | None = None,
              password: str | None = PASSWORD, name: str = "", active: bool = True) -> User:
    n = next(_counter)
    if role == "provider" and organisation is None:
        organisation = Organisation(name=f"Provider organisation {n}", description="")
        db.session.add(organisation)
    user = create_user(email or f"{role}.{n}@example.org", role, name=name or f"{role.title()} {n}",
                       password=password, organisation=organisation)
    user.is_active = active
    db.session.commit()
    return user


def sign_in(client, user: User, password: str = PASSWORD, follow: bool = False):
    """Sign in with email and password (and a current TOTP code if the user has one)."""
    response = client.post("/staff/sign-in", data={"email": user.email, "password": password},
                           follow_redirects=False)
    if user.has_totp and response.status_code == 302 and "/staff/sign-in/code" in response.headers["Location"]:
        code = totp_code(user.totp_secret, user.totp_last_step)
        response = client.post("/staff/sign-in/code", data={"code": code})
    if follow and response.status_code == 302:
        return client.get(response.headers["Location"])
    return response


def client_for(app, user: User):
    """A test client signed in as `user`."""
    client = app.test_client()
    assert sign_in(client, user).status_code == 302
    return client


def enrol_totp(user: User) -> str:
    """Turn on two-factor sign-in for the user directly (the setup page has its own tests)."""
    import pyotp

    from localoffer.data.accounts import enable_two_factor

    secret = pyotp.random_base32()
    enable_two_factor(user, secret)
    db.session.commit()
    return secret


def totp_code(secret: str, last_step: int | None = None) -> str:
    """A valid code that has not been used yet: the current one, or the next step's if the
    current step was already spent (the server allows one step of drift either way)."""
    import time

    import pyotp

    totp = pyotp.TOTP(secret)
    now = time.time()
    if last_step is not None and last_step >= int(now // totp.interval):
        now += totp.interval
    return totp.at(now)


def session_cookie(client) -> str | None:
    cookie = client.get_cookie("session")
    return cookie.value if cookie else None


def copy_cookie_to(client, other) -> None:
    other.set_cookie("session", session_cookie(client))


def age_sessions(user: User, *, idle=None, age=None) -> None:
    """Move the user's sessions back in time instead of waiting: `idle` since last use,
    `age` since they were opened (both timedeltas)."""
    from localoffer.models import StaffSession
    from localoffer.models.base import utcnow

    for row in db.session.query(StaffSession).filter_by(user_id=user.id):
        if idle is not None:
            row.last_seen_at = utcnow() - idle
        if age is not None:
            row.created_at = utcnow() - age
    db.session.commit()
