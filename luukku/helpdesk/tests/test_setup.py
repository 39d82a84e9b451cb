"""Organisation admins set up teams, targets, topics, keyword rules and canned replies."""

import pytest
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.models import Team
from luukku.core.testing.storage import assert_nothing_stored
from luukku.helpdesk.models import CannedReply, Category, RoutingRule, TeamDesk
from luukku.helpdesk.tests.conftest import Desk, submit

pytestmark = pytest.mark.django_db


def setup_url(desk: Desk) -> str:
    return reverse("helpdesk:setup", args=[desk.organisation.pk])


def test_admin_adds_team_topic_rule_and_canned_reply(
    signed_in: SignIn, desk: Desk, org_admin: User
) -> None:
    client = signed_in(org_admin)
    assert client.get(setup_url(desk)).status_code == 200
    client.post(setup_url(desk), {"kind": "team", "team-name": "International office"})
    office = Team.objects.get(name="International office")
    client.post(
        setup_url(desk), {"kind": "category", "category-name": "Visas", "category-team": office.pk}
    )
    client.post(setup_url(desk), {"kind": "rule", "rule-name": "migri", "rule-team": office.pk})
    client.post(
        setup_url(desk),
        {"kind": "canned", "canned-language": "sv", "canned-title": "Tack", "canned-body": "Tack!"},
    )
    assert Category.objects.get(name="Visas").team == office
    assert RoutingRule.objects.get(keyword="migri").team == office
    assert CannedReply.objects.get().language == "sv"


def test_targets_are_saved_per_team(signed_in: SignIn, desk: Desk, org_admin: User) -> None:
    url = reverse("helpdesk:setup_targets", args=[desk.organisation.pk, desk.it.pk])
    prefix = f"targets-{desk.it.pk}"
    response = signed_in(org_admin).post(
        url, {f"{prefix}-first_reply_minutes": "60", f"{prefix}-resolution_minutes": "600"}
    )
    assert response.status_code == 302
    desk_row = TeamDesk.objects.get(team=desk.it)
    assert (desk_row.first_reply_minutes, desk_row.schedule) == (60, None)


def test_bad_input_is_400(signed_in: SignIn, desk: Desk, org_admin: User) -> None:
    client = signed_in(org_admin)
    url = reverse("helpdesk:setup_targets", args=[desk.organisation.pk, desk.it.pk])
    prefix = f"targets-{desk.it.pk}"
    with assert_nothing_stored(Team, TeamDesk, Category, RoutingRule, CannedReply):
        duplicate = client.post(setup_url(desk), {"kind": "team", "team-name": "IT services"})
        unknown_kind = client.post(setup_url(desk), {"kind": "nonsense"})
        bad = client.post(
            url, {f"{prefix}-first_reply_minutes": "-5", f"{prefix}-resolution_minutes": "x"}
        )
    assert duplicate.status_code == 400
    assert unknown_kind.status_code == 400
    assert bad.status_code == 400


def test_topic_in_use_stays_with_409(signed_in: SignIn, desk: Desk, org_admin: User) -> None:
    submit(desk)
    url = reverse("helpdesk:setup_remove", args=[desk.organisation.pk, "category", desk.studies.pk])
    assert signed_in(org_admin).post(url).status_code == 409
    assert Category.objects.filter(pk=desk.studies.pk).exists()


def test_unused_topic_and_rule_are_removed(signed_in: SignIn, desk: Desk, org_admin: User) -> None:
    client = signed_in(org_admin)
    client.post(
        reverse("helpdesk:setup_remove", args=[desk.organisation.pk, "category", desk.passwords.pk])
    )
    rule = RoutingRule.objects.get()
    client.post(reverse("helpdesk:setup_remove", args=[desk.organisation.pk, "rule", rule.pk]))
    assert not Category.objects.filter(pk=desk.passwords.pk).exists()
    assert not RoutingRule.objects.exists()


def test_staff_and_outsiders_cannot_set_up(
    signed_in: SignIn, desk: Desk, staff_user: User, other_staff: User
) -> None:
    for user in (staff_user, other_staff):
        client = signed_in(user)
        assert client.get(setup_url(desk)).status_code == 404
        assert client.post(setup_url(desk), {"kind": "team", "team-name": "X"}).status_code == 404
        remove = reverse(
            "helpdesk:setup_remove", args=[desk.organisation.pk, "category", desk.passwords.pk]
        )
        assert client.post(remove).status_code == 404
    assert not Team.objects.filter(name="X").exists()
    assert Category.objects.filter(pk=desk.passwords.pk).exists()


def test_another_organisations_items_are_404_for_an_admin(
    signed_in: SignIn, desk: Desk, other_staff: User
) -> None:
    # other_staff is admin of the other organisation: its own set-up page, our rows unreachable.
    other_id = other_staff.organisation_roles.get().organisation_id
    url = reverse("helpdesk:setup_remove", args=[other_id, "category", desk.passwords.pk])
    assert signed_in(other_staff).post(url).status_code == 404
    assert Category.objects.filter(pk=desk.passwords.pk).exists()
