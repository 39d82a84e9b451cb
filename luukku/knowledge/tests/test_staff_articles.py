"""Staff write articles; the bot finds them at once; outsiders cannot write."""

import pytest
from django.test import Client
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.conftest import make_user
from luukku.core.models import Organisation
from luukku.core.testing.storage import assert_nothing_stored
from luukku.knowledge import queries
from luukku.knowledge.models import Article, ArticleCategory
from luukku.knowledge.tests.conftest import add

pytestmark = pytest.mark.django_db


def data(category: ArticleCategory, **overrides: str) -> dict[str, object]:
    values: dict[str, object] = {
        "title": "Kirjaston aukioloajat", "language": "fi", "category": category.pk,
        "questions": "Milloin kirjasto on auki?", "body": "Kirjasto on auki arkisin 8-20.",
        "published": "on",
    }  # fmt: skip
    values.update(overrides)
    return values


def test_staff_add_edit_and_remove_an_article(
    signed_in: SignIn, organisation: Organisation, staff_user: User, category: ArticleCategory
) -> None:
    client = signed_in(staff_user)
    response = client.post(
        reverse("knowledge:staff_article_new", args=[organisation.pk]), data(category)
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert [s.title for s in queries.suggest(organisation.pk, "fi", "kirjaston aukioloajat")] == [
        "Kirjaston aukioloajat"
    ]
    url = reverse("knowledge:staff_article_edit", args=[organisation.pk, article.pk])
    client.post(url, data(category, title="Kirjasto"))
    article.refresh_from_db()
    assert article.title == "Kirjasto"
    client.post(reverse("knowledge:staff_article_delete", args=[organisation.pk, article.pk]))
    assert not Article.objects.exists()
    assert not queries.suggest(organisation.pk, "fi", "kirjasto")


def test_missing_answer_is_400(
    signed_in: SignIn, organisation: Organisation, staff_user: User, category: ArticleCategory
) -> None:
    response = signed_in(staff_user).post(
        reverse("knowledge:staff_article_new", args=[organisation.pk]), data(category, body="")
    )
    assert response.status_code == 400
    assert not Article.objects.exists()


def test_outsiders_cannot_list_or_write(
    signed_in: SignIn, client: Client, organisation: Organisation, other_organisation: Organisation,
    category: ArticleCategory,
) -> None:  # fmt: skip
    from luukku.accounts.actions import do_set_organisation_role
    from luukku.accounts.models import OrganisationRole

    article = add(category, "Ours", "Body")
    other = make_user("o@example.com")
    do_set_organisation_role(
        organisation=other_organisation, user=other, role=OrganisationRole.ADMIN
    )
    participant = make_user("p@example.com")
    for user in (other, participant):
        browser = signed_in(user)
        assert (
            browser.get(reverse("knowledge:staff_articles", args=[organisation.pk])).status_code
            == 404
        )
        edit = reverse("knowledge:staff_article_edit", args=[organisation.pk, article.pk])
        delete = reverse("knowledge:staff_article_delete", args=[organisation.pk, article.pk])
        with assert_nothing_stored(Article):
            assert browser.post(edit, data(category, title="Hacked")).status_code == 404
            assert browser.post(delete).status_code == 404


def test_category_of_another_organisation_is_400(
    signed_in: SignIn,
    organisation: Organisation,
    other_organisation: Organisation,
    staff_user: User,
) -> None:
    from luukku.knowledge.actions import do_create_article_category

    theirs = do_create_article_category(organisation=other_organisation, name="Theirs")
    with assert_nothing_stored(Article):
        response = signed_in(staff_user).post(
            reverse("knowledge:staff_article_new", args=[organisation.pk]), data(theirs)
        )
    assert response.status_code == 400
