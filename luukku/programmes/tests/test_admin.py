"""The admin cannot bypass the membership rules: no removing a programme's last coach there."""

from django.test import Client

from luukku.accounts.models import User
from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole


def _installer(client: Client) -> Client:
    client.force_login(User.objects.create_superuser("root@example.com", "pw"))
    return client


def test_admin_post_removing_the_last_coach_is_refused_and_the_coach_stays(
    client: Client, programme: Programme, coach: User
) -> None:
    membership = ProgrammeMembership.objects.get(programme=programme, user=coach)
    browser = _installer(client)
    single = browser.post(
        f"/admin/programmes/programmemembership/{membership.pk}/delete/", {"post": "yes"}
    )
    bulk = browser.post(
        "/admin/programmes/programmemembership/",
        {"action": "delete_selected", "_selected_action": [membership.pk], "post": "yes"},
    )
    assert single.status_code == 403
    assert bulk.status_code in {200, 302, 403}  # Django shows "no action" rather than deleting
    assert ProgrammeMembership.objects.filter(pk=membership.pk, role=ProgrammeRole.COACH).exists()


def test_admin_post_demoting_the_last_coach_is_refused(
    client: Client, programme: Programme, coach: User
) -> None:
    membership = ProgrammeMembership.objects.get(programme=programme, user=coach)
    response = _installer(client).post(
        f"/admin/programmes/programmemembership/{membership.pk}/change/",
        {"programme": programme.pk, "user": coach.pk, "role": ProgrammeRole.PARTICIPANT},
    )
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.role == ProgrammeRole.COACH


def test_admin_post_through_the_programme_inline_changes_nothing(
    client: Client, programme: Programme, coach: User
) -> None:
    response = _installer(client).post(
        f"/admin/programmes/programme/{programme.pk}/change/",
        {"name": "Renamed", "memberships-TOTAL_FORMS": "0"},
    )
    assert response.status_code == 403
    programme.refresh_from_db()
    assert programme.name != "Renamed"
    assert ProgrammeMembership.objects.filter(programme=programme, user=coach).exists()


def test_admin_shows_a_programme_with_its_members_read_only(
    client: Client, programme: Programme, coach: User
) -> None:
    response = _installer(client).get(f"/admin/programmes/programme/{programme.pk}/change/")
    assert response.status_code == 200
    assert coach.email in response.content.decode() or str(coach) in response.content.decode()
    assert b'name="name"' not in response.content  # no editable input
