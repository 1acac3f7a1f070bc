"""Lists sorted for people follow their language's alphabet, not code points."""
from __future__ import annotations

from localoffer.i18n import alphabetical_key


def _sorted(words, language):
    return sorted(words, key=lambda w: alphabetical_key(w, language))


def test_polish_letters_with_marks_follow_their_base_letter():
    assert _sorted(["Młody opiekun", "MSI", "Łatwy", "Lekarz", "Płatności", "Psycholog", "Żłobek", "Zespół"], "pl") == [
        "Lekarz", "Łatwy", "Młody opiekun", "MSI", "Płatności", "Psycholog", "Zespół", "Żłobek"]


def test_romanian_letters_with_marks_follow_their_base_letter_and_cedillas_count_as_commas():
    assert _sorted(["Tribunal", "Tânăr", "Școală", "Vârstă", "Sprijin", "Şcoală veche", "Ajutor", "Ăsta"], "ro") == [
        "Ajutor", "Ăsta", "Sprijin", "Școală", "Şcoală veche", "Tânăr", "Tribunal", "Vârstă"]


def test_english_ignores_case_and_puts_spaces_first():
    assert _sorted(["short breaks", "Short", "SENCO", "annual review"], "en") == [
        "annual review", "SENCO", "Short", "short breaks"]


def test_the_glossary_groups_come_in_the_readers_alphabet(client):
    page = client.get("/glossary?lang=pl").get_data(as_text=True)
    from bs4 import BeautifulSoup

    letters = [h.get_text(strip=True) for h in BeautifulSoup(page, "html.parser").select("main h2")]
    letters = [letter for letter in letters if len(letter) == 1]
    assert len(letters) > 5
    assert letters == _sorted(letters, "pl")
