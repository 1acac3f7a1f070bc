"""Find the text on a page that did not come through a translation catalogue.

Under the pseudo-locale every translated string arrives between ⟦ and ⟧. Walking the page in
document order and counting the markers tells, for every text node and every visible attribute,
whether it sits inside a translated string. What is outside must be data (`is_data`: service
listings, names, what families and staff wrote, place names), numbers and dates, identifiers in
<code>, or text marked as being in another language (`lang` on the element)."""
from __future__ import annotations

import re
from collections.abc import Callable

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, Tag

from .catalogue import CLOSE, OPEN

SKIPPED = {"script", "style", "template", "head"}
# Identifiers shown as they are (codes, keys, parameter names) and what is in a form field.
VERBATIM = {"code", "kbd", "samp", "textarea"}
VISIBLE_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "aria-roledescription")
SEPARATORS = re.compile(r"\s*(?:[,;·|/()\n]|\s–\s|\s-\s|:\s)\s*")


URL = re.compile(r"^(https?://|mailto:|tel:)\S+$")


def _meaningful(text: str) -> bool:
    """Has letters in it (not only digits, punctuation, symbols and spaces)."""
    return bool(re.sub(r"[\W\d_]+", "", text))


def _is_allowed(text: str, is_data: Callable[[str], bool]) -> bool:
    text = " ".join(text.split())
    if not _meaningful(text) or URL.match(text) or is_data(text):
        return True
    return all(not _meaningful(chunk) or is_data(chunk) for chunk in SEPARATORS.split(text))


def _in_skipped(node) -> bool:
    return any(parent.name in SKIPPED and not (parent.name == "head" and node.parent.name == "title")
               for parent in node.parents)



def _verbatim_or_foreign(node, page_lang: str) -> bool:
    """Inside <code> and the like, or inside an element marked as another language (listing
    text written in English, shown with lang="en" on a page in another language)."""
    for parent in node.parents:
        if parent.name in VERBATIM:
            return True
        if parent.name != "html" and parent.get("lang") is not None:
            return parent["lang"].split("-")[0] != page_lang
    return False


def unmarked_text(html: str, is_data: Callable[[str], bool]) -> list[str]:
    """Every piece of visible text or visible attribute outside ⟦ ⟧ that is not allowed."""
    soup = BeautifulSoup(html, "html.parser")
    page_lang = (soup.html.get("lang", "") if soup.html else "").split("-")[0]
    problems: list[str] = []
    depth = 0
    for node in soup.descendants:
        if isinstance(node, Tag):
            if node.name in SKIPPED or _in_skipped(node):
                continue
            values = [node.get(a) for a in VISIBLE_ATTRIBUTES]
            # GOV.UK Frontend's JavaScript shows these messages (character count, password reveal).
            values += [v for a, v in node.attrs.items() if a.startswith("data-i18n")]
            if node.name == "input" and node.get("type") in ("submit", "button"):
                values.append(node.get("value"))
            for value in values:
                if value and OPEN not in value and not _is_allowed(value, is_data):
                    problems.append(f"<{node.name} {value!r}>")
            continue
        if not isinstance(node, NavigableString) or isinstance(node, (Comment, Doctype)) or _in_skipped(node):
            continue
        exempt = _verbatim_or_foreign(node, page_lang)
        for piece in re.split(f"([{OPEN}{CLOSE}])", str(node)):
            if piece == OPEN:
                depth += 1
            elif piece == CLOSE:
                depth -= 1
            elif depth == 0 and not exempt and not _is_allowed(piece, is_data):
                problems.append(" ".join(piece.split()))
    if depth != 0:
        problems.append(f"unbalanced markers (depth {depth}): a translated string was cut or left open")
    return problems
