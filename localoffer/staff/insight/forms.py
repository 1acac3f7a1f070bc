"""The insight filters: a GET form (reading figures changes nothing), read leniently through
data.insight.InsightFilters so a bad value shows the default, never an error page."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, SubmitField

from ...data.insight import AGE_BANDS, PERIODS, InsightFilters
from ...vocab import CATEGORIES, QUADRANTS
from ...widgets import GovSelect, GovSubmitInput


def _choices(everything, items) -> list[SelectChoice]:
    return [SelectChoice("", everything)] + [SelectChoice(key, label) for key, label in items]


class InsightFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a filter form: nothing changes

    quadrant = SelectField(_l("Part of Essex"), choices=_choices(_l("All of Essex"), QUADRANTS.items()),
                           default="", widget=GovSelect(), validate_choice=False)
    band = SelectField(_l("Ages"), choices=[SelectChoice("", _l("All ages, 0 to 25"))]
                       + [SelectChoice(b.key, _l("%(low)d to %(high)d", low=b.low, high=b.high)) for b in AGE_BANDS],
                       default="", widget=GovSelect(), validate_choice=False)
    category = SelectField(_l("Type of service"), choices=_choices(_l("All types of service"), CATEGORIES.items()),
                           default="", widget=GovSelect(), validate_choice=False,
                           description=_l("Narrows the coverage by need"))
    months = SelectField(_l("Period"), choices=[SelectChoice(str(k), v) for k, v in PERIODS.items()],
                         widget=GovSelect(), validate_choice=False,
                         description=_l("For searches and the wall"))
    submit = SubmitField(_l("Apply filters"), widget=GovSubmitInput())

    @classmethod
    def showing(cls, filters: InsightFilters) -> InsightFilterForm:
        """The form set to the filters in force (after lenient reading), not the raw input."""
        form = cls(formdata=None)
        form.quadrant.data, form.band.data, form.category.data = filters.quadrant, filters.band, filters.category
        form.months.data = str(filters.months)
        return form
