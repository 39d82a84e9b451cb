"""Demo content for the knowledge base, and the evaluation of the answer bot against it."""

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from luukku.core.models import Organisation
from luukku.knowledge import actions, queries
from luukku.knowledge.demo_articles import ARTICLES, CATEGORIES
from luukku.knowledge.models import Article

QUESTIONS_FILE = Path(__file__).parent / "evaluation" / "questions.json"


def seed_demo_knowledge(*, organisation: Organisation, staff: list[Any], seed: int) -> int:
    """Categories and articles in Finnish, Swedish and English; returns the article count."""
    random.Random(seed)  # the content is fixed; the signature matches the other seeders
    categories = {
        key: actions.do_create_article_category(
            organisation=organisation, name=names["en"], position=position
        )
        for position, (key, names) in enumerate(CATEGORIES.items())
    }
    rows = [
        {"category": categories[key], "language": language, "title": title,
         "questions": questions, "body": body}
        for key, language, title, questions, body in ARTICLES
    ]  # fmt: skip
    return actions.do_import_articles(organisation=organisation, articles=rows)


@dataclass(frozen=True)
class Evaluation:
    questions: int
    top3_hits: int
    top1_hits: int
    confident: int
    confident_right: int
    misses: list[str]

    @property
    def top3_rate(self) -> float:
        return self.top3_hits / self.questions if self.questions else 0.0


def load_questions() -> list[dict[str, Any]]:
    return list(json.loads(QUESTIONS_FILE.read_text()))


def evaluate(organisation: Organisation) -> Evaluation:
    """Ask every evaluation question; count expected articles among the top three."""
    titles = dict(Article.objects.filter(organisation=organisation).values_list("pk", "title"))
    top3 = top1 = confident = confident_right = 0
    misses = []
    questions = load_questions()
    for item in questions:
        ranked = queries.suggest(organisation.pk, item["language"], item["question"])
        found = [titles.get(s.article_id) for s in ranked]
        hit = any(title in item["expected"] for title in found[:3])
        top3 += hit
        top1 += bool(found) and found[0] in item["expected"]
        if queries.is_confident(ranked):
            confident += 1
            confident_right += found[0] in item["expected"]
        if not hit:
            misses.append(f"{item['language']}: {item['question']} → {found}")
    return Evaluation(len(questions), top3, top1, confident, confident_right, misses)
