"""The answer bot's BM25 index: built once per organisation and language, then reused.

Building analyses every article (lemmas, stems, compounds) and is the slow part; a query
only walks the postings of its few terms. An index is keyed by a version read from the
database (article count and latest change), kept in this process and in the shared cache,
so a change to any article rebuilds it once, on whichever process asks first, and a task
warms it right after the change.
"""

import math
import pickle
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Max

from luukku.knowledge.analysis import terms, words
from luukku.knowledge.models import Article

K1 = 1.2
B = 0.75
# Title and question variants say what an article answers; the body says much else too.
FIELD_WEIGHTS = {"title": 2.0, "questions": 2.0, "body": 1.0}
CACHE_SECONDS = 60 * 60 * 24


@dataclass
class Index:
    article_ids: list[int]
    titles: list[str]
    postings: dict[str, list[tuple[int, float]]]
    idf: dict[str, float]
    vocabulary: frozenset[str]
    language: str
    norms: list[float] = field(default_factory=list)

    def score(self, query: str) -> list[tuple[float, int]]:
        """(score, position) pairs of matching articles, best first."""
        scores: dict[int, float] = defaultdict(float)
        seen: set[str] = set()
        for term, weight in terms(query, self.language, self.vocabulary):
            if term in seen or term not in self.postings:
                continue
            seen.add(term)
            idf = self.idf[term] * weight
            for position, frequency in self.postings[term]:
                scores[position] += idf * frequency * (K1 + 1) / (frequency + self.norms[position])
        return sorted(((s, p) for p, s in scores.items()), reverse=True)


def _article_fields(article: Article) -> dict[str, str]:
    return {"title": article.title, "questions": article.questions, "body": article.body}


def build_index(articles: list[Article], language: str) -> Index:
    vocabulary = frozenset(
        word for article in articles for text in _article_fields(article).values()
        for word in words(text, language)
    )  # fmt: skip
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    lengths = []
    for position, article in enumerate(articles):
        frequencies: dict[str, float] = defaultdict(float)
        for name, text in _article_fields(article).items():
            for term, weight in terms(text, language, vocabulary):
                frequencies[term] += weight * FIELD_WEIGHTS[name]
        lengths.append(sum(frequencies.values()))
        for term, frequency in frequencies.items():
            postings[term].append((position, frequency))
    count = len(articles)
    average = sum(lengths) / count if count else 1.0
    idf = {
        term: math.log(1 + (count - len(rows) + 0.5) / (len(rows) + 0.5))
        for term, rows in postings.items()
    }
    return Index(
        article_ids=[article.pk for article in articles],
        titles=[article.title for article in articles],
        postings=dict(postings),
        idf=idf,
        vocabulary=vocabulary,
        language=language,
        norms=[K1 * (1 - B + B * length / (average or 1.0)) for length in lengths],
    )


def index_version(organisation_id: int, language: str) -> str:
    state = Article.objects.filter(
        organisation_id=organisation_id, language=language, published=True
    ).aggregate(count=Count("id"), latest=Max("updated_at"))
    latest = state["latest"].isoformat() if state["latest"] else "-"
    return f"{state['count']}:{latest}"


_memory: dict[tuple[int, str], tuple[str, Index]] = {}


def get_index(organisation_id: int, language: str) -> Index:
    """The current index, from this process, the shared cache, or built and stored."""
    version = index_version(organisation_id, language)
    remembered = _memory.get((organisation_id, language))
    if remembered and remembered[0] == version:
        return remembered[1]
    key = f"knowledge-index:{organisation_id}:{language}:{version}"
    stored = cache.get(key)
    # Only this function writes the key, and Django's cache backends pickle every value anyway.
    index = pickle.loads(stored) if stored else None  # noqa: S301  # our own cache, see above
    if not isinstance(index, Index):
        index = _build_for(organisation_id, language)
        cache.set(key, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL), CACHE_SECONDS)
    _memory[(organisation_id, language)] = (version, index)
    return index


def _build_for(organisation_id: int, language: str) -> Index:
    articles = list(
        Article.objects.filter(
            organisation_id=organisation_id, language=language, published=True
        ).order_by("id")
    )
    return build_index(articles, language)
