import pytest

from luukku.core.models import Organisation
from luukku.knowledge.actions import do_create_article_category, do_save_article
from luukku.knowledge.models import Article, ArticleCategory


@pytest.fixture
def category(organisation: Organisation) -> ArticleCategory:
    return do_create_article_category(organisation=organisation, name="Studies")


def add(
    category: ArticleCategory, title: str, body: str, language: str = "fi", questions: str = ""
) -> Article:
    return do_save_article(
        organisation=category.organisation, category=category, language=language, title=title,
        questions=questions, body=body,
    )  # fmt: skip
