"""The small POST forms behind the shortlist buttons. CSRFProtect checks the token on every
POST; these forms only validate what was posted."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.validators import InputRequired, Length


class ShortlistChangeForm(FlaskForm):
    class Meta:
        csrf = False  # already checked by CSRFProtect for every POST

    service_id = HiddenField(validators=[InputRequired(), Length(max=100)])
    next = HiddenField(validators=[Length(max=2000)])

    def safe_next(self, default: str) -> str:
        """Only a path on this site: never send a family to another site after a POST."""
        target = (self.next.data or "").strip()
        parts = urlsplit(target)
        if not target.startswith("/") or target.startswith("//") or "\\" in target or parts.scheme or parts.netloc:
            return default
        return target


class SaveSharedForm(FlaskForm):
    class Meta:
        csrf = False

    ids = HiddenField(validators=[InputRequired(), Length(max=5000)])
