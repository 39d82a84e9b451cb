"""The answer bot against the evaluation questions: a regression here fails the build."""

import pytest

from luukku.core.models import Organisation
from luukku.knowledge.demo import evaluate, load_questions, seed_demo_knowledge

GOAL = 0.85


def test_the_evaluation_set_is_large_and_covers_three_languages() -> None:
    questions = load_questions()
    assert len(questions) >= 60
    assert {item["language"] for item in questions} == {"fi", "sv", "en"}
    for language in ("fi", "sv", "en"):
        assert sum(item["language"] == language for item in questions) >= 15


@pytest.mark.django_db
def test_top_three_hit_rate_stays_at_the_goal(organisation: Organisation) -> None:
    seed_demo_knowledge(organisation=organisation, staff=[], seed=1)
    result = evaluate(organisation)
    print(f"top-3 {result.top3_hits}/{result.questions}, top-1 {result.top1_hits}, "
          f"confident {result.confident} ({result.confident_right} right)")  # fmt: skip
    for miss in result.misses:
        print(miss)
    assert result.top3_rate >= GOAL, result.misses


@pytest.mark.django_db
def test_confident_answers_are_nearly_always_right(organisation: Organisation) -> None:
    seed_demo_knowledge(organisation=organisation, staff=[], seed=1)
    result = evaluate(organisation)
    assert result.confident >= result.questions // 3
    assert result.confident_right / result.confident >= 0.9
