"""Text analysis for search in Finnish, Swedish and English, offline and MIT/BSD-licensed.

Each word is lemmatised with simplemma (Finnish inflects heavily: "opintotuen", "opintotukea"
→ "opintotuki") and then stemmed with Snowball, so forms that the lemmatiser does not know
still meet. Finnish compounds are split against the index's own vocabulary
("opintotukihakemus" → "opintotuki" + "hakemus"), and long words also yield a prefix term,
which catches derivations Snowball leaves apart ("ilmoittautua" / "ilmoittautuminen").
"""

import functools
import re
from collections.abc import Collection
from typing import Any

import simplemma
import snowballstemmer

STEMMER_NAMES = {"fi": "finnish", "sv": "swedish", "en": "english"}
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+", re.UNICODE)
PREFIX_LENGTH = 6
COMPOUND_MIN = 8
PART_MIN = 3


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "fi": _word_set(
        """
        ei eivät emme en et ette että haluta he hei heidän hän hänen ilman ja jo joka jokin
        joku jos jossa jotain jotka kaikki kanssa kertoa ketkä kiitos kuin kuinka kuka kun
        me meidän mihin miksi mikä milloin minulla minun minä missä mistä miten mitkä mitä
        mitään moi mulla multa mun mutta myös mä ne niin nyt näin ole olemme olen olet
        olette oli olisi olla ollenkaan ollut oma on ovat paljon pitää pitääkö saada saako
        saanko se sekä sen siihen siis siitä sillä sinun sinä sitten sitä tai tarvita te
        tehdä teidän terve tuo tämä tästä tätä täytyä vaan vai vielä voida voiko voinko
        voinks yksi
        """
    ),
    "sv": _word_set(
        """
        att av behöva behöver de den dessa det detta dig din dina ditt du då eller en er ett
        från få får för göra ha hade han har hej hon hur i inte jag kan kunna man med men
        mig min mina mitt måste ni nu när någon något några och också om oss på redan sedan
        sig sin ska skall som så tack till utan vad var vara varför vart vi vilja vilka
        vilken vilket vill är
        """
    ),
    "en": _word_set(
        """
        a about am an and any are as at be been being but by can could did do does for from
        get had has have he hello hi how i if in into is it its may me might mine must my no
        not of on or our please shall she should so some than thanks that the their them
        there these they this those to was we were what when where which who whom why will
        with without would yes you your
        """
    ),
}


@functools.cache
def _stemmer(language: str) -> Any:
    return snowballstemmer.stemmer(STEMMER_NAMES[language])


@functools.lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> str:
    return str(simplemma.lemmatize(word, lang=language)).lower()


@functools.lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    return str(_stemmer(language).stemWord(word))


def words(text: str, language: str) -> list[str]:
    """Lower-cased lemmas of the words of `text`, stopwords removed."""
    stop = STOPWORDS[language]
    found = []
    for token in WORD.findall(text.lower()):
        if token in stop or len(token) < 2:
            continue
        base = lemma(token, language)
        if base not in stop:
            found.append(base)
    return found


def split_compound(word: str, vocabulary: Collection[str]) -> list[str]:
    """Two known words that make up `word`, longest head first; [] when none do."""
    if len(word) < COMPOUND_MIN:
        return []
    for cut in range(len(word) - PART_MIN, PART_MIN - 1, -1):
        head, tail = word[:cut], word[cut:]
        if head in vocabulary and tail in vocabulary:
            return [head, tail]
    return []


def terms(text: str, language: str, vocabulary: Collection[str] = ()) -> list[tuple[str, float]]:
    """Index terms of `text` with weights: stems (1.0), compound parts and prefixes (0.5)."""
    found: list[tuple[str, float]] = []
    for base in words(text, language):
        found.append((stem(base, language), 1.0))
        if language == "fi":
            found.extend((stem(part, language), 0.5) for part in split_compound(base, vocabulary))
        if len(base) > PREFIX_LENGTH + 1:
            found.append(("^" + base[:PREFIX_LENGTH], 0.5))
    return found
