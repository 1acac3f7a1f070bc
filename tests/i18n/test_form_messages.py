"""No form can show one of WTForms' own messages ("Not a valid choice.", "Field cannot be longer
than 10 characters."): every validator a person can trip carries our message, worded the GOV.UK
way and translated through our catalogue (so the pseudo-locale test sees it)."""
from __future__ import annotations

import importlib
import pkgutil

from flask_wtf import FlaskForm
from wtforms import fields, validators
from wtforms.fields.core import UnboundField

import localoffer


def _form_classes():
    for module in pkgutil.walk_packages(localoffer.__path__, "localoffer."):
        importlib.import_module(module.name)
    found, todo = set(), [FlaskForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.add(sub)
            todo.append(sub)
    return found


def _fields(cls):
    merged: dict[str, UnboundField] = {}
    for klass in reversed(cls.__mro__):
        merged.update({n: v for n, v in vars(klass).items() if isinstance(v, UnboundField)})
    return merged


def test_every_message_a_person_can_see_is_our_own(app):
    problems = []
    for cls in _form_classes():
        for name, unbound in _fields(cls).items():
            where = f"{cls.__module__}.{cls.__name__}.{name}"
            if issubclass(unbound.field_class, fields.HiddenField):
                continue  # never shown: a bad hidden value is a 400
            for validator in unbound.kwargs.get("validators") or ():
                if getattr(validator, "message", "") is None and not isinstance(validator, validators.Optional):
                    problems.append(f"{where}: {type(validator).__name__} without a message")
            choice_field = (fields.SelectField, fields.RadioField, fields.SelectMultipleField)
            if issubclass(unbound.field_class, choice_field) and unbound.kwargs.get("validate_choice", True):
                problems.append(f"{where}: WTForms' own 'Not a valid choice' (set validate_choice=False and check it)")
            number = (fields.IntegerField, fields.DecimalField, fields.FloatField, fields.DateField, fields.DateTimeField)
            if issubclass(unbound.field_class, number) and "process_formdata" not in vars(unbound.field_class):
                problems.append(f"{where}: WTForms' own message for a value it cannot read")
    assert len(_form_classes()) > 30
    assert problems == []
