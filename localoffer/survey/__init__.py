"""The Family Impact Survey: one question per page, anonymous by default, and its published results."""
from flask import Blueprint

# The chart stylesheet is the survey's own (the CSP allows stylesheets from 'self' only, so bar
# widths are classes, not inline styles).
bp = Blueprint("survey", __name__, url_prefix="/survey", static_folder="static", static_url_path="/static")

from ..voice_vocab import survey_title  # noqa: E402

bp.add_app_template_filter(survey_title)

from . import routes  # noqa: E402,F401
