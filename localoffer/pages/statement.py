"""The accessibility statement's dates (Public Sector Bodies Accessibility Regulations 2018
reg 8: the statement is kept under review). tests/pages/test_accessibility_statement.py pins a
hash of the statement's text to LAST_REVIEWED: changing the text without reviewing the date
fails, as in GOV.UK Notify."""
from __future__ import annotations

from datetime import date

PREPARED = date(2026, 11, 22)
LAST_REVIEWED = date(2026, 12, 6)
# When the checks described in "How we tested this website" were last run in full.
LAST_TESTED = date(2026, 12, 6)
