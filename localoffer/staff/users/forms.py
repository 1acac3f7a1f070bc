"""Forms for user administration. The role decides whether an organisation is needed: only
providers belong to one (their organisation's listings are the only ones they can touch)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ...widgets import GovRadioInput, GovSelect, GovSubmitInput, GovTextInput
from wtforms import EmailField, RadioField, SelectChoice, SelectField, StringField, SubmitField
from wtforms.validators import AnyOf, InputRequired, Length, Regexp, ValidationError

from ...auth.roles import ROLE_LABELS
from ...form_filters import strip_whitespace

ROLE_HINTS = {
    "champion": _l("Helps families use the Local Offer"),
    "provider": _l("Proposes listings for one organisation; the Local Offer team approves them"),
    "council_moderator": _l("Approves changes, edits any listing and handles reported problems"),
    "forum_moderator": _l("Essex Family Forum volunteer"),
    "admin": _l("Everything a council moderator can do, plus managing users and reading the audit log"),
}


def _role_choices():
    return [SelectChoice(role, label) for role, label in ROLE_LABELS.items()]


class _RoleAndOrganisation(FlaskForm):
    role = RadioField(_l("Role"), choices=_role_choices(), widget=GovRadioInput(), validate_choice=False,
                      validators=[InputRequired(message=_l("Select a role")), AnyOf(ROLE_LABELS, message=_l("Select a role"))])
    # Choices are the directory's organisations, filled in by the view.
    organisation = SelectField(_l("Organisation (providers only)"), choices=[], widget=GovSelect(),
                               description=_l("The organisation whose listings this provider may propose changes to"),
                               validate_choice=False)

    def set_organisations(self, organisations, placeholder) -> None:
        self.organisation.choices = [SelectChoice("", placeholder)] + [
            SelectChoice(str(o.id), o.name) for o in organisations]

    def validate_organisation(self, field) -> None:
        valid = {choice.value for choice in field.choices if choice.value}
        if self.role.data == "provider" and field.data not in valid:
            raise ValidationError(_l("Select the provider's organisation"))


class InviteForm(_RoleAndOrganisation):
    email = EmailField(_l("Email address"), filters=[strip_whitespace], widget=GovTextInput(),
                       validators=[InputRequired(message=_l("Enter their email address")),
                                   Length(max=255, message=_l("Email address must be 255 characters or fewer")),
                                   Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
                                          message=_l("Enter an email address in the correct format, "
                                                     "like name@example.com"))])
    name = StringField(_l("Full name"), filters=[strip_whitespace], widget=GovTextInput(),
                       validators=[InputRequired(message=_l("Enter their name")),
                                   Length(max=100, message=_l("Name must be 100 characters or fewer"))])
    submit = SubmitField(_l("Send invitation"), widget=GovSubmitInput())


class ChangeRoleForm(_RoleAndOrganisation):
    submit = SubmitField(_l("Save role"), widget=GovSubmitInput())


class ConfirmForm(FlaskForm):
    """A bare POST form (CSRF token and a button) for one action on a user."""
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())
