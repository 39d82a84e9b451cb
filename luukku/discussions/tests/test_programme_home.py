"""The programme home shows what is new in the discussions (filled in through
programmes.hooks by DiscussionsConfig.ready, as programmes may not import discussions)."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.discussions import actions
from luukku.discussions.models import Thread
from luukku.programmes.models import Programme


def thread_pk(programme: Programme) -> int:
    return Thread.objects.get(programme=programme).pk


pytestmark = pytest.mark.django_db


def test_programme_home_lists_threads_started_since_joining(
    programme: Programme, maija: User, pekka: User, signed_in: SignIn
) -> None:
    # Pekka joined when the fixtures ran; the thread and the visit come after.
    joined = timezone.now()
    with time_machine.travel(joined + datetime.timedelta(hours=1), tick=False):
        actions.do_create_thread(
            user=maija, programme=programme, title="Esittäytyminen", body_html="<p>Hei!</p>"
        )
    with time_machine.travel(joined + datetime.timedelta(hours=2), tick=False):
        response = signed_in(pekka).get(reverse("programmes:home", args=[programme.pk]))
    html = response.content.decode()
    assert "Esittäytyminen" in html
    assert reverse("discussions:thread", args=[thread_pk(programme)]) in html
