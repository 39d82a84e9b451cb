from django.test import Client
from django.urls import reverse

from luukku.core.models import Organisation
from luukku.knowledge.actions import do_create_article_category
from luukku.knowledge.models import ArticleCategory
from luukku.knowledge.tests.conftest import add


def test_the_bare_address_leads_to_the_only_knowledge_base(
    client: Client, category: ArticleCategory
) -> None:
    add(category, "Opintotuki", "Hae opintotukea Kelasta.")
    response = client.get(reverse("knowledge:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("knowledge:home", args=["kaupunki"])


def test_with_several_knowledge_bases_the_bare_address_lists_the_catalogues(
    client: Client, category: ArticleCategory, other_organisation: Organisation
) -> None:
    add(category, "Opintotuki", "Hae opintotukea Kelasta.")
    other_category = do_create_article_category(organisation=other_organisation, name="Jobs")
    add(other_category, "Työnhaku", "Ilmoittaudu työnhakijaksi.")
    response = client.get(reverse("knowledge:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("core:service_catalogues")
