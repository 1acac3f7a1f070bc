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
        import pyotp

        code = pyotp.TOTP(user.totp_secret).now()
        response = client.post("/staff/sign-in/code", data={"code": code})
    if follow and response.status_code == 302:
        return client.get(response.headers["Location"])
    return response
