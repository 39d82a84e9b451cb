"""Query budgets of the knowledge base's lists: the count does not grow with the articles."""

import itertools

import pytest
from django.test import Client
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.models import Organisation
from luukku.core.testing.queries import assert_flat_queries
from luukku.knowledge.actions import do_create_article_category
from luukku.knowledge.tests.conftest import add

pytestmark = pytest.mark.django_db
numbers = itertools.count()


def add_articles(organisation: Organisation, count: int) -> None:
    """A category with an article in English for each (both are listed)."""
    for _ in range(count):
        number = next(numbers)
        category = do_create_article_category(organisation=organisation, name=f"Topic {number}")
        add(category, f"Question {number}", "The answer.", language="en")


def test_staff_article_list_queries_do_not_grow_with_articles(
    organisation: Organisation, staff_user: User, signed_in: SignIn
) -> None:
    url = reverse("knowledge:staff_articles", args=[organisation.pk])
    assert_flat_queries(
        signed_in(staff_user), url, lambda count: add_articles(organisation, count), budget=8
    )


def test_public_home_queries_do_not_grow_with_categories(
    organisation: Organisation, client: Client
) -> None:
    url = reverse("knowledge:home", args=[organisation.slug])
    assert_flat_queries(client, url, lambda count: add_articles(organisation, count), budget=5)
