"""Filters for the audit log (a GET form: reading the log changes nothing)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from ...widgets import GovSelect, GovSubmitInput
from wtforms import SelectChoice, SelectField, SubmitField

from ...data.audit import ACTIONS
from .labels import ACTION_LABELS


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a search form: nothing changes

    action = SelectField(_l("Action"), choices=[SelectChoice("", _l("All actions"))] + [SelectChoice(a, ACTION_LABELS.get(a, a)) for a in ACTIONS],
                         default="", widget=GovSelect(), validate_choice=False)
    submit = SubmitField(_l("Show"), widget=GovSubmitInput())
