"""Analytics pages from the outside: who gets what, and the numbers agree with the exports."""

import csv
import io
import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.conftest import make_user
from luukku.core.models import Organisation
from luukku.core.testing.storage import assert_nothing_stored
from luukku.insights.participants import pseudonym
from luukku.insights.tests.conftest import TODAY, Cohort, local


@pytest.fixture(autouse=True)
def _today() -> Iterator[None]:
    with time_machine.travel(local(TODAY, 15), tick=False):
        yield


def urls(cohort: Cohort) -> list[str]:
    pk = cohort.programme.pk
    return [
        reverse("insights:programme", args=[pk]),
        reverse("insights:participants", args=[pk]),
        reverse("insights:participant", args=[pk, cohort.keen.pk]),
        reverse("insights:export", args=[pk, "figures", "json"]),
        reverse("insights:export", args=[pk, "participants", "csv"]),
    ]


def test_coach_sees_every_page(cohort: Cohort, signed_in: SignIn) -> None:
    client = signed_in(cohort.coach)
    for url in urls(cohort):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["participant", "stranger", "other_org_admin"])
def test_others_get_404(
    cohort: Cohort, signed_in: SignIn, other_organisation: Organisation, who: str
) -> None:
    from luukku.accounts.actions import do_set_organisation_role
    from luukku.accounts.models import OrganisationRole

    user = {"participant": cohort.keen, "stranger": make_user("x@example.com")}.get(who)
    if user is None:
        user = make_user("admin@other.example")
        do_set_organisation_role(
            organisation=other_organisation, user=user, role=OrganisationRole.ADMIN
        )
    client = signed_in(user)
    for url in urls(cohort):
        assert client.get(url).status_code == 404, url


def test_anonymous_is_sent_to_sign_in(cohort: Cohort, client: Client) -> None:
    for url in urls(cohort):
        assert client.get(url).status_code == 302


def test_observer_sees_aggregates_only(cohort: Cohort, signed_in: SignIn) -> None:
    client = signed_in(cohort.observer)
    page = client.get(reverse("insights:programme", args=[cohort.programme.pk]))
    assert page.status_code == 200
    assert "Keen" not in page.content.decode()
    assert "Participants" not in [a.strip() for a in page.content.decode().split("</a>")]
    for url in urls(cohort)[1:3] + urls(cohort)[4:]:
        assert client.get(url).status_code == 404, url
    assert client.get(urls(cohort)[3]).status_code == 200


def test_page_figures_agree_with_the_json_export(cohort: Cohort, signed_in: SignIn) -> None:
    client = signed_in(cohort.coach)
    page = client.get(reverse("insights:programme", args=[cohort.programme.pk]))
    data = client.get(
        reverse("insights:export", args=[cohort.programme.pk, "figures", "json"])
    ).json()
    overview = page.context["overview"]
    assert data["figures"] == overview.figures
    assert data["figures"] == {
        "participants": 5, "active_this_week": 2, "passive": 1, "dropped_off": 2,
        # a minute in 45 days (6.4 weeks) is the middle of 0, 0.16, 0.16, 1 and 5.1
        "median_active_minutes_per_week": 0.2,
        "visits": 36, "posts": 1, "comments": 1,
    }  # fmt: skip
    assert sum(day["visits"] for day in data["visits_per_day"]) == 36
    html = page.content.decode()
    assert "<dd>36</dd>" in html
    assert data["day_parts"][0] == {"part": "day", "visits": 33, "share": round(33 / 36, 4)}
    assert data["weekdays_and_weekend"][1]["visits"] == 1  # fading's Sunday evening


def test_participant_table_filters_the_passive_and_sorts(cohort: Cohort, signed_in: SignIn) -> None:
    client = signed_in(cohort.coach)
    url = reverse("insights:participants", args=[cohort.programme.pk])
    page = client.get(url, {"status": "passive"})
    assert [row.name for row in page.context["rows"]] == ["Fading"]
    page = client.get(url, {"idle": "7", "sort": "idle", "order": "desc"})
    assert [row.name for row in page.context["rows"]] == ["Never", "Gone", "Fading"]
    page = client.get(url, {"sort": "visits", "order": "desc"})
    assert page.context["rows"][0].name == "Keen"
    assert reverse("outreach:compose", args=[cohort.programme.pk]) in page.content.decode()


def test_bad_filter_is_a_400_with_a_message(cohort: Cohort, signed_in: SignIn) -> None:
    client = signed_in(cohort.coach)
    page = client.get(reverse("insights:participants", args=[cohort.programme.pk]), {"idle": "-3"})
    assert page.status_code == 400
    assert "greater than or equal to 0" in page.content.decode()


def test_participant_export_matches_the_table(cohort: Cohort, signed_in: SignIn) -> None:
    client = signed_in(cohort.coach)
    args = [cohort.programme.pk, "participants", "csv"]
    response = client.get(reverse("insights:export", args=args), {"status": "dropped_off"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert sorted(row["participant"] for row in rows) == ["Gone", "Never"]
    response = client.get(reverse("insights:export", args=args), {"person": [cohort.keen.pk]})
    (keen,) = csv.DictReader(io.StringIO(response.content.decode()))
    assert (keen["visits"], keen["status"], keen["email"]) == ("33", "active", "keen@example.com")


def test_pseudonymised_organisation_shows_codes_not_names(
    cohort: Cohort, signed_in: SignIn
) -> None:
    organisation = cohort.programme.organisation
    organisation.pseudonymise_analytics = True
    organisation.save(update_fields=["pseudonymise_analytics"])
    client = signed_in(cohort.coach)
    code = pseudonym(organisation.pk, cohort.keen.pk)
    html = client.get(reverse("insights:participants", args=[cohort.programme.pk])).content.decode()
    assert code in html
    assert "Keen" not in html
    assert "keen@example.com" not in html
    export = client.get(
        reverse("insights:export", args=[cohort.programme.pk, "participants", "json"])
    )
    assert all("email" not in row and "user_id" not in row for row in export.json())
    detail = client.get(reverse("insights:participant", args=[cohort.programme.pk, cohort.keen.pk]))
    assert code in detail.content.decode()
    assert "Keen" not in detail.content.decode()


def test_participant_timeline_lists_visits_newest_first(cohort: Cohort, signed_in: SignIn) -> None:
    client = signed_in(cohort.coach)
    page = client.get(reverse("insights:participant", args=[cohort.programme.pk, cohort.late.pk]))
    (only,) = page.context["visits"]
    assert only.started_at == local(TODAY - timedelta(days=1), 20)
    assert only.active_minutes == 1
    assert dict(only.actions) == {"page_view": 1, "comment": 1}


def test_organisation_view_for_admins_with_a_date_range(
    cohort: Cohort, signed_in: SignIn, org_admin: User
) -> None:
    url = reverse("insights:organisation", args=[cohort.programme.organisation_id])
    assert signed_in(cohort.coach).get(url).status_code == 404
    client = signed_in(org_admin)
    page = client.get(
        url, {"start": (TODAY - timedelta(days=6)).isoformat(), "end": TODAY.isoformat()}
    )
    (row,) = page.context["rows"]
    assert (row.participants, row.taking_part, row.visits) == (5, 2, 6)
    assert row.dropped_off == 2
    bad = client.get(
        url, {"start": TODAY.isoformat(), "end": (TODAY - timedelta(days=1)).isoformat()}
    )
    assert bad.status_code == 400


def test_admin_turns_pseudonymisation_on(
    cohort: Cohort, signed_in: SignIn, org_admin: User
) -> None:
    url = reverse("insights:organisation_settings", args=[cohort.programme.organisation_id])
    with assert_nothing_stored(Organisation):
        refused = signed_in(cohort.coach).post(url, {"pseudonymise_analytics": "on"})
    assert refused.status_code == 404
    client = signed_in(org_admin)
    assert client.post(url, {"pseudonymise_analytics": "on"}).status_code == 302
    cohort.programme.organisation.refresh_from_db()
    assert cohort.programme.organisation.pseudonymise_analytics


def test_org_admin_counts_as_coach(cohort: Cohort, signed_in: SignIn, org_admin: User) -> None:
    # Admins need no membership to see the programmes of their organisation.
    response = signed_in(org_admin).get(
        reverse("insights:participants", args=[cohort.programme.pk])
    )
    assert response.status_code == 200


def test_index_lists_programmes_and_organisations(cohort: Cohort, signed_in: SignIn) -> None:
    page = signed_in(cohort.coach).get(reverse("insights:index"))
    assert cohort.programme.name in page.content.decode()
    assert json  # json used in other tests of this module


def test_api_gives_the_export_figures_and_guards_people(cohort: Cohort, signed_in: SignIn) -> None:
    pk = cohort.programme.pk
    coach = signed_in(cohort.coach)
    figures = coach.get(f"/api/v1/insights/programmes/{pk}/figures").json()
    export = coach.get(reverse("insights:export", args=[pk, "figures", "json"])).json()
    assert figures == export
    people = coach.get(f"/api/v1/insights/programmes/{pk}/participants", {"status": "passive"})
    assert [row["participant"] for row in people.json()] == ["Fading"]
    bad = coach.get(f"/api/v1/insights/programmes/{pk}/participants", {"status": "sleepy"})
    assert bad.status_code == 422
    assert bad.json()["error"]
    observer = signed_in(cohort.observer)
    assert observer.get(f"/api/v1/insights/programmes/{pk}/participants").status_code == 404
    assert (
        signed_in(cohort.keen).get(f"/api/v1/insights/programmes/{pk}/figures").status_code == 404
    )


def test_query_counts_do_not_grow_with_participants(cohort: Cohort, signed_in: SignIn) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from luukku.insights.tests.conftest import join

    client = signed_in(cohort.coach)
    urls_to_count = urls(cohort)[:2]

    def counts() -> list[int]:
        found = []
        for url in urls_to_count:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    before = counts()
    for number in range(10):
        person = make_user(f"extra{number}@example.com")
        join(cohort.programme, person, TODAY - timedelta(days=number))
    assert counts() == before


def test_pages_speak_finnish_and_swedish(cohort: Cohort, signed_in: SignIn) -> None:
    client = signed_in(cohort.coach)
    url = reverse("insights:programme", args=[cohort.programme.pk])
    finnish = client.get(url, headers={"accept-language": "fi"}).content.decode()
    assert "Osallistumisen analytiikka" in finnish
    assert "Paras aika julkaista" in finnish
    swedish = client.get(url, headers={"accept-language": "sv"}).content.decode()
    assert "Bästa tiden att publicera" in swedish
