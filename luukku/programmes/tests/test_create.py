"""Creating programmes from a blank start, the built-in templates and saved templates."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from luukku.accounts.actions import do_set_organisation_role
from luukku.accounts.models import OrganisationRole, User
from luukku.accounts.testing import SignIn
from luukku.core.models import Organisation
from luukku.programmes import actions
from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole, Section
from luukku.programmes.tests.factories import make_page, make_section, make_task

pytestmark = pytest.mark.django_db

START = datetime.date(2025, 3, 3)


def _create(client: Client, template: str, **extra: str) -> Programme:
    data = {
        "organisation": str(Organisation.objects.get(slug="kaupunki").pk),
        "name": "Spring",
        "template": template,
        "starts_on": START.isoformat(),
        "plan_unit": "week",
        **extra,
    }
    response = client.post(reverse("programmes:create"), data)
    assert response.status_code == 302, response.context["form"].errors
    return Programme.objects.get(name="Spring")


def test_ten_week_template_creates_ten_weekly_sections(staff_user: User, signed_in: SignIn) -> None:
    programme = _create(signed_in(staff_user), "builtin:coaching-10-week")
    sections = list(programme.sections.order_by("position"))
    assert len(sections) == 10
    assert [s.opens_on for s in sections] == [
        START + datetime.timedelta(weeks=i) for i in range(10)
    ]
    for section in sections:
        assert 1 <= section.pages.count() <= 2
        assert section.tasks.count() == 1
    assert programme.ends_on == START + datetime.timedelta(weeks=10, days=-1)


def test_design_sprint_template_has_its_five_steps(staff_user: User, signed_in: SignIn) -> None:
    staff_user.language = "en"
    staff_user.save(update_fields=["language"])
    programme = _create(signed_in(staff_user), "builtin:design-sprint")
    titles = list(programme.sections.order_by("position").values_list("title", flat=True))
    assert titles == ["Understand", "Sketch", "Decide", "Prototype", "Test"]
    for section in programme.sections.all():
        assert section.pages.count() == 1
        assert section.opens_on is not None
        assert section.tasks.get().due_on == section.opens_on + datetime.timedelta(days=6)


def test_template_texts_follow_the_creators_language(staff_user: User, signed_in: SignIn) -> None:
    staff_user.language = "fi"
    staff_user.save(update_fields=["language"])
    programme = _create(signed_in(staff_user), "builtin:design-sprint")
    assert programme.sections.order_by("position")[0].title == "Ymmärrä"


def test_swedish_creators_get_the_english_texts(staff_user: User, signed_in: SignIn) -> None:
    staff_user.language = "sv"
    staff_user.save(update_fields=["language"])
    programme = _create(signed_in(staff_user), "builtin:coaching-10-week")
    assert programme.sections.order_by("position")[0].title == "Kick-off and goals"


def test_monthly_plan_opens_sections_a_month_apart(staff_user: User, signed_in: SignIn) -> None:
    programme = _create(
        signed_in(staff_user),
        "builtin:design-sprint",
        plan_unit="month",
        starts_on="2025-01-31",
    )
    dates = list(programme.sections.order_by("position").values_list("opens_on", flat=True))
    assert dates[:3] == [
        datetime.date(2025, 1, 31),
        datetime.date(2025, 2, 28),
        datetime.date(2025, 3, 31),
    ]


def test_creator_becomes_coach_and_time_zone_defaults_to_organisation(
    staff_user: User, signed_in: SignIn, organisation: Organisation
) -> None:
    programme = _create(signed_in(staff_user), "blank", ends_on="2025-06-01")
    membership = ProgrammeMembership.objects.get(programme=programme, user=staff_user)
    assert membership.role == ProgrammeRole.COACH
    assert programme.time_zone == organisation.time_zone
    assert programme.sections.count() == 0


def test_saved_template_copies_the_plan_with_relative_dates(
    staff_user: User, signed_in: SignIn, organisation: Organisation
) -> None:
    source = actions.do_create_programme(
        organisation=organisation,
        creator=staff_user,
        name="Autumn",
        starts_on=datetime.date(2024, 9, 2),
        ends_on=datetime.date(2024, 12, 1),
    )
    section = make_section(source, title="Second week", opens_on=datetime.date(2024, 9, 10))
    make_page(section, title="Reading", body="<p>Read this</p>")
    make_task(section, title="Reflect", due_on=datetime.date(2024, 9, 15))
    template = actions.do_save_template(programme=source, creator=staff_user, name="Autumn plan")

    programme = _create(signed_in(staff_user), f"saved:{template.pk}")
    copied = Section.objects.get(programme=programme)
    assert copied.title == "Second week"
    assert copied.opens_on == START + datetime.timedelta(days=8)
    assert copied.pages.get().body_html == "<p>Read this</p>"
    assert copied.tasks.get().due_on == START + datetime.timedelta(days=13)


def test_saved_template_of_another_organisation_is_not_offered(
    staff_user: User, signed_in: SignIn, other_organisation: Organisation
) -> None:
    other_coach = User.objects.create_user("other@example.com")
    source = actions.do_create_programme(
        organisation=other_organisation, creator=other_coach, name="X", starts_on=START
    )
    template = actions.do_save_template(programme=source, creator=other_coach, name="Secret")
    client = signed_in(staff_user)
    assert "Secret" not in client.get(reverse("programmes:create")).content.decode()
    response = client.post(
        reverse("programmes:create"),
        {
            "organisation": staff_user.organisation_roles.get().organisation_id,
            "name": "Spring",
            "template": f"saved:{template.pk}",
            "starts_on": "2025-03-03",
            "plan_unit": "week",
        },
    )
    assert response.status_code == 400
    assert not Programme.objects.filter(name="Spring").exists()


def test_people_without_an_organisation_role_cannot_create(signed_in: SignIn) -> None:
    person = User.objects.create_user("someone@example.com")
    assert signed_in(person).get(reverse("programmes:create")).status_code == 404


def test_end_before_start_is_refused_with_400(staff_user: User, signed_in: SignIn) -> None:
    response = signed_in(staff_user).post(
        reverse("programmes:create"),
        {
            "organisation": staff_user.organisation_roles.get().organisation_id,
            "name": "Spring",
            "template": "blank",
            "starts_on": "2025-03-03",
            "ends_on": "2025-03-01",
            "plan_unit": "week",
        },
    )
    assert response.status_code == 400
    assert not Programme.objects.exists()


def test_database_refuses_end_before_start(organisation: Organisation) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Programme.objects.create(
            organisation=organisation,
            name="Bad",
            starts_on=START,
            ends_on=START - datetime.timedelta(days=1),
            time_zone="UTC",
        )


def test_split_offset_round_trips_with_add_units() -> None:
    start = datetime.date(2025, 1, 31)
    for unit in ("week", "month"):
        for days in (-40, -1, 0, 5, 29, 60, 400):
            day = start + datetime.timedelta(days=days)
            units, extra = actions.split_offset(start, day, unit)
            assert actions.add_units(start, units, unit) + datetime.timedelta(days=extra) == day
            assert extra >= 0


def test_staff_of_several_organisations_pick_one(
    staff_user: User, signed_in: SignIn, other_organisation: Organisation
) -> None:
    do_set_organisation_role(
        organisation=other_organisation, user=staff_user, role=OrganisationRole.ADMIN
    )
    client = signed_in(staff_user)
    assert 'select name="organisation"' in client.get(reverse("programmes:create")).content.decode()
    programme = _create(client, "blank", organisation=str(other_organisation.pk))
    assert programme.organisation == other_organisation
