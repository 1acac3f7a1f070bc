"""Forms for the signed-in user's own account."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ...widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import InputRequired, Length

from ...form_filters import strip_whitespace
from ..auth.forms import new_password_field


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(_l("Current password"), widget=GovPasswordInput(),
                                     validators=[InputRequired(message=_l("Enter your current password"))])
    new_password = new_password_field()
    submit = SubmitField(_l("Change password"), widget=GovSubmitInput())


class TwoFactorSetupForm(FlaskForm):
    code = StringField(_l("Code from your authenticator app"), filters=[strip_whitespace], widget=GovTextInput(),
                       description=_l("After adding the account, the app shows a 6-digit code, for example 123456"),
                       validators=[InputRequired(message=_l("Enter the 6-digit code from your authenticator app")),
                                   Length(max=20, message=_l("Enter the 6-digit code from your authenticator app"))])
    submit = SubmitField(_l("Turn on two-factor sign-in"), widget=GovSubmitInput())


class EndOtherSessionsForm(FlaskForm):
    submit = SubmitField(_l("Sign out of all other sessions"), widget=GovSubmitInput())


class StaySignedInForm(FlaskForm):
    """The timeout warning's button (components/timeout_warning.html): its token, nothing more."""
