"""The answer bot: confidence threshold and margin, index rebuilds, tenancy, chat offer."""

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries, Settings

from luukku.core.actions import do_save_service
from luukku.core.models import Organisation, ServiceKind
from luukku.knowledge import actions, index, queries
from luukku.knowledge.actions import do_create_article_category
from luukku.knowledge.models import ArticleCategory, Deflection
from luukku.knowledge.tests.conftest import add

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(category: ArticleCategory) -> ArticleCategory:
    add(category, "Opintotuen hakeminen", "Opintotukea haetaan Kelasta OmaKelassa.",
        questions="Miten haen opintotukea?")  # fmt: skip
    add(category, "Unohtunut salasana", "Vaihda salasana salasanapalvelussa.")
    add(category, "Forgotten password", "Reset it in the password service.", language="en")
    return category


def test_a_clear_question_gets_one_answer(
    organisation: Organisation, articles: ArticleCategory, settings: Settings
) -> None:
    # Raw BM25 scores grow with the collection; three articles give small ones.
    settings.KNOWLEDGE_ANSWER_THRESHOLD = 2.0
    bot = queries.answer(organisation, "fi", "miten voin hakea opintotukea kelasta")
    assert bot.answer is not None
    assert bot.answer.title == "Opintotuen hakeminen"


def test_a_vague_question_gets_choices_not_an_answer(
    organisation: Organisation, articles: ArticleCategory, settings: Settings
) -> None:
    settings.KNOWLEDGE_ANSWER_THRESHOLD = 1000.0
    bot = queries.answer(organisation, "fi", "opintotukea salasana")
    assert bot.answer is None
    assert len(bot.choices) == 2


def test_margin_over_the_runner_up_is_required(
    organisation: Organisation, articles: ArticleCategory, settings: Settings
) -> None:
    settings.KNOWLEDGE_ANSWER_THRESHOLD = 0.0
    settings.KNOWLEDGE_ANSWER_MARGIN = 100.0
    bot = queries.answer(organisation, "fi", "opintotuki salasana")
    assert bot.answer is None


def test_only_the_asked_language_is_searched(
    organisation: Organisation, articles: ArticleCategory
) -> None:
    titles = {s.title for s in queries.suggest(organisation.pk, "en", "password salasana")}
    assert titles == {"Forgotten password"}


def test_changed_article_rebuilds_the_index(
    organisation: Organisation, articles: ArticleCategory
) -> None:
    assert not queries.suggest(organisation.pk, "fi", "eduroam")
    add(articles, "Langaton verkko", "Kampuksella toimii eduroam.")
    assert [s.title for s in queries.suggest(organisation.pk, "fi", "eduroam")] == [
        "Langaton verkko"
    ]


def test_index_is_reused_until_something_changes(
    organisation: Organisation,
    articles: ArticleCategory,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    queries.suggest(organisation.pk, "fi", "salasana")
    with django_assert_num_queries(1):  # the version check only
        queries.suggest(organisation.pk, "fi", "salasana")


def test_index_survives_in_the_shared_cache(
    organisation: Organisation, articles: ArticleCategory
) -> None:
    queries.suggest(organisation.pk, "fi", "salasana")
    index._memory.clear()
    assert (
        next(s.title for s in queries.suggest(organisation.pk, "fi", "salasana"))
        == "Unohtunut salasana"
    )


def test_other_organisations_articles_are_never_suggested(
    organisation: Organisation, other_organisation: Organisation, articles: ArticleCategory
) -> None:
    theirs = do_create_article_category(organisation=other_organisation, name="X")
    add(theirs, "Their secret salasana article", "salasana salasana")
    titles = {s.title for s in queries.suggest(organisation.pk, "fi", "salasana")}
    assert "Their secret salasana article" not in titles


def test_chat_is_offered_only_when_the_catalogue_has_chat(
    organisation: Organisation, articles: ArticleCategory
) -> None:
    assert not queries.answer(organisation, "fi", "salasana").offer_chat
    do_save_service(organisation=organisation, kind=ServiceKind.CHAT, name="Chat", url="/chat/")
    bot = queries.answer(organisation, "fi", "salasana")
    assert bot.offer_chat
    assert bot.chat_url == "/chat/"


def test_article_of_another_organisation_category_is_refused(
    organisation: Organisation, other_organisation: Organisation
) -> None:
    theirs = do_create_article_category(organisation=other_organisation, name="X")
    with pytest.raises(ValueError, match="another organisation"):
        actions.do_save_article(
            organisation=organisation, category=theirs, language="fi", title="T", body="B"
        )


def test_widget_fragment_and_solved_button(
    client: Client, organisation: Organisation, articles: ArticleCategory
) -> None:
    url = reverse("knowledge:suggest", args=[organisation.slug])
    fragment = client.get(
        url, {"subject": "salasana unohtui", "message": "en pääse sisään", "lang": "fi"}
    )
    assert "Unohtunut salasana" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()
    article = queries.published_articles(organisation).get(title="Unohtunut salasana")
    solved = client.post(
        reverse("knowledge:solved", args=[organisation.slug, article.pk]),
        headers={"hx-request": "true"},
    )
    assert solved.status_code == 200
    assert "Glad" in solved.content.decode()
    assert Deflection.objects.get().article == article


def test_pages_for_visitors(
    client: Client, organisation: Organisation, articles: ArticleCategory
) -> None:
    home = client.get(reverse("knowledge:home", args=[organisation.slug]), {"lang": "fi"})
    assert "Opintotuen hakeminen" in home.content.decode()
    search = client.get(
        reverse("knowledge:home", args=[organisation.slug]), {"q": "salasana", "lang": "fi"}
    )
    assert "Unohtunut salasana" in search.content.decode()
    ask = client.get(
        reverse("knowledge:ask", args=[organisation.slug]), {"q": "salasana", "lang": "fi"}
    )
    assert ask.status_code == 200
    assert "Send your question to us" in ask.content.decode()


def test_article_of_another_organisation_is_404(
    client: Client, organisation: Organisation, other_organisation: Organisation
) -> None:
    theirs = do_create_article_category(organisation=other_organisation, name="X")
    article = add(theirs, "Theirs", "Body")
    assert (
        client.get(reverse("knowledge:article", args=[organisation.slug, article.pk])).status_code
        == 404
    )
    response = client.post(reverse("knowledge:solved", args=[organisation.slug, article.pk]))
    assert response.status_code == 404
    assert not Deflection.objects.exists()


def test_api_answers_with_json(
    client: Client, organisation: Organisation, articles: ArticleCategory
) -> None:
    response = client.get(
        f"/api/v1/knowledge/{organisation.slug}/answer", {"q": "salasana", "language": "fi"}
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"answer", "choices", "offer_chat", "chat_url"}
    assert (
        client.get(f"/api/v1/knowledge/{organisation.slug}/answer", {"q": "x" * 3000}).status_code
        == 413
    )
    assert client.get("/api/v1/knowledge/nobody/answer", {"q": "x"}).json()["error"] == "not_found"
