"""Setting up two-factor sign-in (TOTP). The secret is kept in the signed session cookie
until the user proves their app works by entering a code; only then is it saved on the account,
so a half-finished setup can never lock anyone out."""
from __future__ import annotations

import segno
from flask import current_app, flash, g, redirect, render_template, session, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from ... import ratelimit
from ...auth import mfa_required_for, requires
from ...auth.totp import new_secret, provisioning_uri, verify_code
from ...data import audit
from ...data.accounts import enable_two_factor
from ...extensions import db
from . import bp
from .forms import TwoFactorSetupForm

PENDING_KEY = "totp_setup"


def _qr_svg(uri: str) -> Markup:
    # Made here from the secret and our own issuer name; segno escapes the title it writes.
    # A white quiet zone keeps it scannable in dark mode.
    svg = segno.make(uri, error="m").svg_inline(
        scale=5, border=4, dark="#0b0c0c", light="#ffffff", svgclass="lo-qr-code",
        title=_("QR code to add your Local Offer account to an authenticator app"))
    return Markup(svg)  # noqa: S704 (no user-entered text inside)


def _spaced(secret: str) -> str:
    """The setup key in groups of four, easier to type from the screen."""
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


@bp.route("/account/two-factor", methods=["GET", "POST"])
@requires("account", enrolling=True)
def two_factor_setup():
    user = g.user
    if user.has_totp:
        session.pop(PENDING_KEY, None)
        return render_template("staff/account/two_factor_on.html", user=user)
    secret = session.get(PENDING_KEY)
    if not isinstance(secret, str) or len(secret) != 32:
        secret = session[PENDING_KEY] = new_secret()
    form = TwoFactorSetupForm()
    if form.validate_on_submit():
        key = f"two-factor-setup:{user.id}"
        limit = current_app.config["SIGN_IN_ACCOUNT_LIMIT"]
        if ratelimit.is_limited(key, limit):
            form.code.errors = [_("You have entered too many wrong codes. Wait 15 minutes and try again.")]
        elif verify_code(user, form.code.data, secret=secret):
            enable_two_factor(user, secret)
            audit.record("two-factor-enabled", subject_type="user", subject_id=user.id)
            db.session.commit()
            ratelimit.reset(key)
            session.pop(PENDING_KEY, None)
            flash(_("Two-factor sign-in is on. Next time you sign in, you will need a code from your app."),
                  "success")
            return redirect(url_for(".home"))
        else:
            ratelimit.hit(key, limit, current_app.config["SIGN_IN_WINDOW_SECONDS"])
            form.code.errors = [_("The code is not right or has run out. Enter the code the app shows now")]
    return render_template("staff/account/two_factor_setup.html", form=form, user=user,
                           qr_svg=_qr_svg(provisioning_uri(secret, user.email)), setup_key=_spaced(secret),
                           required=mfa_required_for(user), error_title_prefix=bool(form.errors))
