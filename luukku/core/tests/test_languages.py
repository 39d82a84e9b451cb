import ast
import gettext
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

PACKAGE = Path(settings.BASE_DIR) / "luukku"


def _catalogues(language: str) -> list[Path]:
    """The project catalogue plus each app's own (apps keep their texts in app/locale/)."""
    return sorted(PACKAGE.glob(f"**/locale/{language}/LC_MESSAGES/django.po"))


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fi", "Kirjaudu sisään"), ("sv", "Logga in"), ("en", "Sign in")],
)
def test_visitor_pages_follow_the_browser_language(db: None, language: str, expected: str) -> None:
    client = Client(headers={"accept-language": language})
    response = client.get(reverse("accounts:sign_in"))
    assert f'lang="{language}"' in response.content.decode()
    assert expected in response.content.decode()


@dataclass
class PoEntry:
    msgid: str = ""
    translated: bool = False
    fuzzy: bool = False


def _po_entries(po_file: Path) -> list[PoEntry]:
    """The entries of a .po file, header excluded (a tiny reader: no gettext tools needed)."""
    entries, entry, part = [], PoEntry(), ""
    for line in [*po_file.read_text().splitlines(), ""]:
        if line.startswith("#,") and "fuzzy" in line:
            entry.fuzzy = True
        elif line.startswith("msgid "):
            entry.msgid, part = line[7:-1], "msgid"
        elif line.startswith("msgid_plural "):
            part = "msgid_plural"
        elif line.startswith("msgstr"):
            part = "msgstr"
            entry.translated = entry.translated or not line.endswith('""')
        elif line.startswith('"') and part == "msgid":
            entry.msgid += line[1:-1]
        elif line.startswith('"') and part == "msgstr":
            entry.translated = entry.translated or line != '""'
        elif not line.strip() and part:
            if entry.msgid:
                entries.append(entry)
            entry, part = PoEntry(), ""
    return entries


def _unescape(text: str) -> str:
    """A .po string's C-style escapes (\\n, \\") as the characters gettext compiles them to."""
    return str(ast.literal_eval(f'"{text}"'))


def _untranslated_entries(po_file: Path) -> list[str]:
    """msgids with an empty or fuzzy translation (gettext ignores fuzzy ones)."""
    return [e.msgid for e in _po_entries(po_file) if not e.translated or e.fuzzy]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_interface_text_is_translated(language: str) -> None:
    catalogues = _catalogues(language)
    assert catalogues, "no catalogues found"
    for po_file in catalogues:
        assert _untranslated_entries(po_file) == [], po_file
        mo_file = po_file.with_suffix(".mo")
        assert mo_file.exists(), f"run compilemessages and commit {mo_file}"
        with mo_file.open("rb") as compiled:
            catalogue = gettext.GNUTranslations(compiled)._catalog  # type: ignore[attr-defined]  # typeshed lacks GNUTranslations._catalog
        compiled_ids = {key[0] if isinstance(key, tuple) else key for key in catalogue}
        stale = [e.msgid for e in _po_entries(po_file) if _unescape(e.msgid) not in compiled_ids]
        assert stale == [], f"{mo_file} is stale: run compilemessages"


def test_the_po_reader_finds_missing_translations(tmp_path: Path) -> None:
    po_file = tmp_path / "django.po"
    po_file.write_text(
        'msgid ""\nmsgstr ""\n"Language: fi\\n"\n\n'
        'msgid "Done"\nmsgstr "Valmis"\n\n'
        'msgid "Missing"\nmsgstr ""\n\n'
        'msgid "Long"\nmsgstr ""\n"Pitkä"\n\n'
        '#, fuzzy\nmsgid "Guessed"\nmsgstr "Arvattu"\n\n'
        'msgid ""\n"Split "\n"line"\nmsgstr ""\n'
    )
    assert _untranslated_entries(po_file) == ["Missing", "Guessed", "Split line"]
