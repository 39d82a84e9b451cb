"""Activity fills programmes' hooks (ActivityConfig.ready; programmes may not import
activity): the members page shows coaches each member's participation."""

import pytest
from django.urls import reverse

from luukku.accounts.testing import SignIn
from luukku.activity.actions import do_roll_up_events
from luukku.core.models import Organisation
from luukku.programmes.tests.factories import make_person, make_programme

pytestmark = pytest.mark.django_db


def test_coach_sees_a_members_visit_recorded_by_the_programme_home(
    organisation: Organisation, signed_in: SignIn
) -> None:
    coach = make_person("coach@example.com", "Kaisa Coach")
    member = make_person("maija@example.com", "Maija")
    programme = make_programme(organisation, coach=coach, participants=[member])
    members_url = reverse("programmes:members", args=[programme.pk])
    assert "1 visit" not in signed_in(coach).get(members_url).content.decode()
    signed_in(member).get(reverse("programmes:home", args=[programme.pk]))
    do_roll_up_events()
    assert "1 visit" in signed_in(coach).get(members_url).content.decode()
