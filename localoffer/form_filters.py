"""WTForms filters shared by every area's forms.py."""
from __future__ import annotations


def strip_whitespace(value):
    """Spaces pasted around an answer are never part of it (WTForms passes None for absent fields)."""
    return value.strip() if isinstance(value, str) else value
