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


def _untranslated_entries(po_file: Path) -> list[str]:
    """msgids whose translation is empty (a tiny .po reader: no gettext tools needed)."""
    missing, msgid, in_msgstr, translated = [], "", False, False
    for line in [*po_file.read_text().splitlines(), ""]:
        if line.startswith("msgid "):
            msgid, in_msgstr, translated = line[7:-1], False, False
        elif line.startswith("msgstr"):
            in_msgstr = True
            translated = translated or not line.endswith('""')
        elif in_msgstr and line.startswith('"'):
            translated = translated or line != '""'
        elif not line.strip() and in_msgstr:
            if msgid and not translated:
                missing.append(msgid)
            in_msgstr = False
    return missing


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_interface_text_is_translated(language: str) -> None:
    catalogues = _catalogues(language)
    assert catalogues, "no catalogues found"
    for po_file in catalogues:
        assert _untranslated_entries(po_file) == [], po_file
        mo_file = po_file.with_suffix(".mo")
        assert mo_file.exists(), f"run compilemessages and commit {mo_file}"
        assert mo_file.stat().st_mtime >= po_file.stat().st_mtime - 1, f"{mo_file} is stale"


def test_the_po_reader_finds_missing_translations(tmp_path: Path) -> None:
    po_file = tmp_path / "django.po"
    po_file.write_text(
        'msgid ""\nmsgstr ""\n"Language: fi\\n"\n\n'
        'msgid "Done"\nmsgstr "Valmis"\n\n'
        'msgid "Missing"\nmsgstr ""\n\n'
        'msgid "Long"\nmsgstr ""\n"Pitkä"\n'
    )
    assert _untranslated_entries(po_file) == ["Missing"]
