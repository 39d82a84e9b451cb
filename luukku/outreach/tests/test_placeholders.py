import pytest
from django.core.exceptions import ValidationError

from luukku.outreach import placeholders
from luukku.outreach.placeholders import Filling, fill


def test_unknown_placeholder_error_lists_the_valid_ones() -> None:
    with pytest.raises(ValidationError) as caught:
        placeholders.check_body("Hi {{ frist_name }}, see {{ programme }}")
    text = caught.value.messages[0]
    assert "{{ frist_name }}" in text
    for name in placeholders.PLACEHOLDERS:
        assert "{{ %s }}" % name in text  # noqa: UP031  # "{{ %s }}" reads plainer than "{{{{ {} }}}}"


@pytest.mark.parametrize(
    "subject", ["Hi\r\nBcc: victim@example.com", "Hi\nthere", "Tab\there", "Null\x00"]
)
def test_header_injection_in_the_subject_is_refused(subject: str) -> None:
    with pytest.raises(ValidationError) as caught:
        placeholders.check_subject(subject)
    assert caught.value.code == "header_injection"


def test_over_long_subject_says_how_long_and_the_limit() -> None:
    with pytest.raises(ValidationError) as caught:
        placeholders.check_subject("x" * 151)
    assert "151" in caught.value.messages[0]
    assert "150" in caught.value.messages[0]
    placeholders.check_subject("x" * 150)


def test_links_are_refused_in_the_subject() -> None:
    with pytest.raises(ValidationError):
        placeholders.check_subject("Go {{ continue_link }}")


def test_control_characters_in_the_body_are_refused_but_newlines_are_fine() -> None:
    placeholders.check_body("Line one\nLine two\r\n\tindented")
    with pytest.raises(ValidationError):
        placeholders.check_body("bell \x07")


def test_a_name_with_a_line_break_cannot_add_a_header_through_the_subject() -> None:
    filling = Filling("Eve\r\nBcc: x@example.com", "P", "3", "", "")
    subject = fill("Hi {{ first_name }}", filling, subject=True)
    assert "\n" not in subject
    assert "\r" not in subject
    assert subject == "Hi Eve Bcc: x@example.com"


def test_fill_replaces_every_known_placeholder_with_spaces_or_without() -> None:
    filling = Filling("Aino", "Spring", "4", "https://s", "https://c")
    text = "{{first_name}} {{ programme }} {{  days_since_last_visit }} {{ continue_link }}"
    assert fill(text, filling) == "Aino Spring 4 https://c"
