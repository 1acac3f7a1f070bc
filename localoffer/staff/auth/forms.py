"""Sign-in forms. Labels and messages follow the GOV.UK sign-in pattern."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ...widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import InputRequired, Length

from ...form_filters import strip_whitespace


class SignInForm(FlaskForm):
    email = EmailField(_l("Email address"), filters=[strip_whitespace], widget=GovTextInput(),
                       validators=[InputRequired(message=_l("Enter your email address")),
                                   Length(max=255, message=_l("Email address must be 255 characters or fewer"))])
    password = PasswordField(_l("Password"), widget=GovPasswordInput(),
                             validators=[InputRequired(message=_l("Enter your password"))])
    submit = SubmitField(_l("Sign in"), widget=GovSubmitInput())


class CodeForm(FlaskForm):
    code = StringField(_l("Code from your authenticator app"), filters=[strip_whitespace], widget=GovTextInput(),
                       description=_l("The 6-digit code shown in the app, for example 123456"),
                       validators=[InputRequired(message=_l("Enter the 6-digit code from your authenticator app")),
                                   Length(max=20, message=_l("Enter the 6-digit code from your authenticator app"))])
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


class SignOutForm(FlaskForm):
    submit = SubmitField(_l("Sign out"), widget=GovSubmitInput())


def new_password_field(label=None):
    """A new password: one field, paste allowed. The rules are checked in the view against the
    role (auth/passwords.py), because the shortest length depends on who the password is for."""
    return PasswordField(label or _l("New password"), widget=GovPasswordInput(),
                         description=_l("Use three or more random words. Longer is better; any characters are fine."),
                         validators=[InputRequired(message=_l("Enter a new password"))])


class ForgotPasswordForm(FlaskForm):
    email = EmailField(_l("Email address"), filters=[strip_whitespace], widget=GovTextInput(),
                       description=_l("The email address you use to sign in"),
                       validators=[InputRequired(message=_l("Enter your email address")),
                                   Length(max=255, message=_l("Email address must be 255 characters or fewer"))])
    submit = SubmitField(_l("Send me a link"), widget=GovSubmitInput())


class ResetPasswordForm(FlaskForm):
    password = new_password_field()
    submit = SubmitField(_l("Save new password"), widget=GovSubmitInput())


class AcceptInvitationForm(FlaskForm):
    name = StringField(_l("Your name"), filters=[strip_whitespace], widget=GovTextInput(),
                       description=_l("Other Local Offer staff see this name next to your changes"),
                       validators=[InputRequired(message=_l("Enter your name")),
                                   Length(max=100, message=_l("Name must be 100 characters or fewer"))])
    password = new_password_field(_l("Create a password"))
    submit = SubmitField(_l("Create account"), widget=GovSubmitInput())
