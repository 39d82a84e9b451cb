"""Finnish, Swedish and English analysis: inflected forms and compounds meet their base words."""

from luukku.knowledge.analysis import split_compound, terms, words


def stems(text: str, language: str) -> set[str]:
    return {term for term, _weight in terms(text, language)}


def test_finnish_inflections_share_a_term() -> None:
    assert stems("opintotukea", "fi") & stems("opintotuen", "fi") & stems("opintotuki", "fi")
    assert stems("hakemuksen", "fi") & stems("hakemus", "fi")


def test_finnish_derivations_meet_through_the_prefix_term() -> None:
    assert stems("ilmoittautua", "fi") & stems("ilmoittautuminen", "fi")


def test_swedish_and_english_forms_meet() -> None:
    assert stems("lösenordet", "sv") & stems("lösenord", "sv")
    assert stems("registering", "en") & stems("registered", "en")


def test_question_words_are_dropped() -> None:
    assert words("Miten voin hakea", "fi") == ["hakea"]
    assert words("How do I apply", "en") == ["apply"]


def test_compounds_split_on_known_words() -> None:
    vocabulary = {"opintotuki", "hakemus", "opinto", "tuki"}
    assert split_compound("opintotukihakemus", vocabulary) == ["opintotuki", "hakemus"]
    assert split_compound("kissa", vocabulary) == []


def test_compound_parts_become_terms_in_finnish() -> None:
    found = (
        stems("opintotukihakemus", "fi")
        if False
        else {term for term, _w in terms("opintotukihakemus", "fi", {"opintotuki", "hakemus"})}
    )
    assert found & stems("hakemus", "fi")
