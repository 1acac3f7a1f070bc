"""GOV.UK form widgets (govuk-frontend-wtf) that speak the visitor's language.

Every form takes its widgets from here, never from govuk_frontend_wtf directly (a test checks),
so the words the GOV.UK components add themselves come translated: the hidden "Error:" before
an error message, the character count's messages, the password reveal button and the date
input's "Day", "Month", "Year". Parameters a template passes still win."""
from __future__ import annotations

from govuk_frontend_wtf import wtforms_widgets as gov

from . import govuk_text


class _TranslatedError:
    def map_gov_params(self, field, **kwargs):
        params = super().map_gov_params(field, **kwargs)
        if params.get("errorMessage"):
            params["errorMessage"].setdefault("visuallyHiddenText", govuk_text.error_prefix())
        return params


class GovTextInput(_TranslatedError, gov.GovTextInput):
    pass


class GovTextArea(_TranslatedError, gov.GovTextArea):
    pass


class GovSelect(_TranslatedError, gov.GovSelect):
    pass


class GovRadioInput(_TranslatedError, gov.GovRadioInput):
    pass


class GovCheckboxesInput(_TranslatedError, gov.GovCheckboxesInput):
    pass


class GovCheckboxInput(_TranslatedError, gov.GovCheckboxInput):
    pass


class GovCharacterCount(_TranslatedError, gov.GovCharacterCount):
    def map_gov_params(self, field, **kwargs):
        params = super().map_gov_params(field, **kwargs)
        for key, value in govuk_text.character_count().items():
            params.setdefault(key, value)
        return params


class GovPasswordInput(_TranslatedError, gov.GovPasswordInput):
    def map_gov_params(self, field, **kwargs):
        params = super().map_gov_params(field, **kwargs)
        for key, value in govuk_text.password_input().items():
            params.setdefault(key, value)
        return params


class GovDateInput(_TranslatedError, gov.GovDateInput):
    def map_gov_params(self, field, **kwargs):
        params = super().map_gov_params(field, **kwargs)
        for item, label in zip(params.get("items", []), govuk_text.date_input_labels()):
            if item.get("label") in ("Day", "Month", "Year"):
                item["label"] = label
        return params


# Buttons carry no component words of their own.
GovSubmitInput = gov.GovSubmitInput

__all__ = ["GovCharacterCount", "GovCheckboxInput", "GovCheckboxesInput", "GovDateInput", "GovPasswordInput",
           "GovRadioInput", "GovSelect", "GovSubmitInput", "GovTextArea", "GovTextInput"]
