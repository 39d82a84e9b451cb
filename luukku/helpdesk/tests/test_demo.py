"""The demo seeders build a working helpdesk, catalogue and knowledge base."""

import pytest
from django.test import Client
from django.urls import reverse

from luukku.accounts.models import User
from luukku.core.models import Organisation, Service
from luukku.helpdesk.demo import seed_demo_helpdesk
from luukku.helpdesk.models import Category, Request, Status, TeamDesk
from luukku.knowledge.demo import seed_demo_knowledge
from luukku.knowledge.models import Article

pytestmark = pytest.mark.django_db


def test_demo_seeds_everything_the_pages_need(
    client: Client, organisation: Organisation, staff_user: User
) -> None:
    seed_demo_helpdesk(organisation=organisation, staff=[staff_user], seed=1)
    count = seed_demo_knowledge(organisation=organisation, staff=[staff_user], seed=1)
    assert count == Article.objects.count() >= 30
    assert TeamDesk.objects.filter(schedule__isnull=False).count() == 3
    assert Category.objects.count() == 3
    assert Service.objects.count() == 3
    assert Request.objects.filter(status=Status.WAITING).count() == 2
    for name in ("core:service_catalogue", "helpdesk:contact", "knowledge:home"):
        assert client.get(reverse(name, args=[organisation.slug])).status_code == 200
