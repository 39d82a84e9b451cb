import re
import zoneinfo
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.activity.models import Event, EventKind
from luukku.core.models import Organisation
from luukku.core.testing.storage import assert_nothing_stored
from luukku.notifications.models import Notification
from luukku.outreach import actions
from luukku.outreach.models import (
    Automation,
    Channel,
    Delivery,
    Message,
    MessageTemplate,
    OutreachSettings,
    TimingKind,
    Unsubscribe,
)
from luukku.outreach.tests.conftest import Cast, draft, make_cast

COMPOSE = {
    "subject": "Hello {{ first_name }}",
    "body": "We miss you in {{ programme }}: {{ continue_link }}",
    "channel": Channel.EMAIL,
    "audience": "everyone",
    "passive_days": "7",
    "timing": "now",
    "holdout_percent": "0",
}


def compose_url(cast: Cast) -> str:
    return reverse("outreach:compose", args=[cast.programme.pk])


def sent_message(cast: Cast, **changes: object) -> Message:
    message = actions.do_queue_message(
        programme=cast.programme, author=cast.coach, draft=draft(**changes)
    )
    actions.do_send_due()
    return message


# ---- permissions: from the outside -----------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["messages", "compose", "automations"],
)
def test_coach_pages_are_404_for_participants_and_other_organisations(
    cast: Cast,
    organisation: Organisation,
    other_organisation: Organisation,
    signed_in: SignIn,
    name: str,
) -> None:
    url = reverse(f"outreach:{name}", args=[cast.programme.pk])
    assert signed_in(cast.participants[0]).get(url).status_code == 404
    stranger = make_cast(other_organisation, count=1, prefix="o").coach
    assert signed_in(stranger).get(url).status_code == 404
    assert signed_in(cast.coach).get(url).status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(cast: Cast, client: Client) -> None:
    response = client.get(compose_url(cast))
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_a_message_of_another_programme_is_404(
    cast: Cast, organisation: Organisation, signed_in: SignIn
) -> None:
    other = make_cast(organisation, count=1, prefix="q")
    message = sent_message(other)
    url = reverse("outreach:message", args=[cast.programme.pk, message.pk])
    assert signed_in(cast.coach).get(url).status_code == 404


def test_templates_are_edited_only_by_the_organisations_own_people(
    cast: Cast, staff_user: User, other_organisation: Organisation, signed_in: SignIn
) -> None:
    url = reverse("outreach:templates", args=[cast.programme.organisation_id])
    outsider = make_cast(other_organisation, count=0, prefix="z").coach
    assert signed_in(outsider).get(url).status_code == 404
    assert signed_in(staff_user).get(url).status_code == 200


def test_someone_elses_in_app_message_is_404(cast: Cast, signed_in: SignIn) -> None:
    message = sent_message(cast, channel=Channel.IN_APP)
    row = Delivery.objects.get(message=message, user=cast.participants[0])
    url = reverse("outreach:inbox_message", args=[row.pk])
    assert signed_in(cast.participants[1]).get(url).status_code == 404


# ---- compose -----------------------------------------------------------------------------


def test_hand_picked_people_arrive_from_the_participant_table(
    cast: Cast, signed_in: SignIn
) -> None:
    picked = cast.participants[1:3]
    query = "&".join(f"person={user.pk}" for user in picked)
    response = signed_in(cast.coach).get(compose_url(cast) + "?" + query)
    page = response.content.decode()
    assert response.status_code == 200
    for user in picked:
        assert re.search(rf'name="person" value="{user.pk}"[^>]* checked', page)
    assert f'name="person" value="{cast.participants[0].pk}"' not in page


def test_preview_shows_the_count_names_and_one_copy_then_send_queues(
    cast: Cast,
    signed_in: SignIn,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    client = signed_in(cast.coach)
    response = client.post(compose_url(cast), {**COMPOSE, "action": "preview"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "5 people will get this message." in page
    assert "Person0 Test" in page
    assert "Hello Person" in page
    assert not Message.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(compose_url(cast), {**COMPOSE, "action": "send"})
    message = Message.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("outreach:message", args=[cast.programme.pk, message.pk])
    assert len(mail.outbox) == 5


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"body": "Hi {{ nick }}"}, "Valid placeholders are"),
        ({"subject": "x" * 200}, "at most 150 are allowed"),
        ({"subject": "Hi\r\nBcc: a@example.com"}, "one line without control characters"),
        ({"audience": "picked"}, "Nobody is in this audience"),
        ({"timing": "at", "at": "2020-01-01T10:00"}, "Choose a time in the future"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_queued(
    cast: Cast, signed_in: SignIn, changes: dict[str, str], expected: str
) -> None:
    response = signed_in(cast.coach).post(
        compose_url(cast), {**COMPOSE, **changes, "action": "send"}
    )
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert not Message.objects.exists()


def test_a_date_and_time_is_read_in_the_programmes_zone(cast: Cast, signed_in: SignIn) -> None:
    later = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%dT10:00")
    signed_in(cast.coach).post(
        compose_url(cast), {**COMPOSE, "timing": "at", "at": later, "action": "send"}
    )
    message = Message.objects.get()
    local = message.send_at.astimezone(zoneinfo.ZoneInfo(cast.programme.time_zone))
    assert local.strftime("%Y-%m-%dT%H:%M") == later


def test_a_template_loads_into_the_form_in_the_chosen_language(
    cast: Cast, signed_in: SignIn
) -> None:
    response = signed_in(cast.coach).get(compose_url(cast) + "?template=reminder&language=sv")
    assert "väntar på dig" in response.content.decode()


# ---- recipients --------------------------------------------------------------------------


def test_a_tracked_link_records_the_click_and_goes_into_the_programme(
    cast: Cast, client: Client
) -> None:
    message = sent_message(cast)
    row = Delivery.objects.get(message=message, user=cast.participants[0])
    response = client.get(reverse("outreach:go", args=[row.token, "continue"]))
    assert response.status_code == 302
    assert response["Location"] == reverse("programmes:home", args=[cast.programme.pk])
    row.refresh_from_db()
    assert row.clicked_at is not None
    assert Event.objects.filter(kind=EventKind.MESSAGE_CLICK, user_id=row.user_id).count() == 1


def test_unknown_tokens_and_slots_are_404(cast: Cast, client: Client) -> None:
    message = sent_message(cast)
    row = message.deliveries.first()
    assert row is not None
    assert client.get(reverse("outreach:go", args=["nope", "continue"])).status_code == 404
    assert client.get(reverse("outreach:go", args=[row.token, "elsewhere"])).status_code == 404
    assert client.get(reverse("outreach:unsubscribe", args=["nope"])).status_code == 404


def test_unsubscribe_get_only_asks_and_the_one_click_post_unsubscribes(cast: Cast) -> None:
    message = sent_message(cast)
    row = Delivery.objects.get(message=message, user=cast.participants[0])
    url = reverse("outreach:unsubscribe", args=[row.token])
    client = Client(enforce_csrf_checks=True, headers={"accept-language": "en"})
    assert "Stop these messages" in client.get(url).content.decode()
    assert not Unsubscribe.objects.exists()
    # RFC 8058: the mail provider POSTs this body, with no cookie and no CSRF token.
    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert Unsubscribe.objects.filter(user=row.user, programme=cast.programme).count() == 1
    assert client.post(url).status_code == 200  # again: still one row


def test_every_later_send_skips_the_unsubscribed(cast: Cast, client: Client) -> None:
    first = sent_message(cast)
    row = Delivery.objects.get(message=first, user=cast.participants[0])
    client.post(reverse("outreach:unsubscribe", args=[row.token]))
    mail.outbox.clear()
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        later = sent_message(cast)
    assert cast.participants[0].email not in {m.to[0] for m in mail.outbox}
    assert later.deliveries.filter(group="unsubscribed").count() == 1


def test_reading_an_in_app_message_marks_it_read_and_counts_an_open(
    cast: Cast, signed_in: SignIn
) -> None:
    message = sent_message(cast, channel=Channel.IN_APP)
    row = Delivery.objects.get(message=message, user=cast.participants[0])
    response = signed_in(cast.participants[0]).get(reverse("outreach:inbox_message", args=[row.pk]))
    assert response.status_code == 200
    assert "Hello Person0" in response.content.decode()
    row.refresh_from_db()
    assert row.read_at is not None
    notification = Notification.objects.get(recipient=cast.participants[0])
    assert notification.read_at is not None
    assert Event.objects.filter(kind=EventKind.MESSAGE_OPEN).count() == 1


def test_the_tracking_image_counts_nothing_unless_the_organisation_turns_it_on(
    cast: Cast, client: Client
) -> None:
    message = sent_message(cast)
    row = Delivery.objects.get(message=message, user=cast.participants[0])
    url = reverse("outreach:open", args=[row.token])
    assert client.get(url)["Content-Type"] == "image/gif"
    assert not Event.objects.filter(kind=EventKind.MESSAGE_OPEN).exists()
    sent = mail.outbox[0]
    assert isinstance(sent, EmailMultiAlternatives)
    assert "outreach/open/" not in str(sent.alternatives[0][0])
    OutreachSettings.objects.create(organisation=cast.programme.organisation, open_tracking=True)
    client.get(url)
    assert Event.objects.filter(kind=EventKind.MESSAGE_OPEN).count() == 1


# ---- reports, automations, library --------------------------------------------------------


def test_the_message_list_and_report_show_counts(cast: Cast, signed_in: SignIn) -> None:
    message = sent_message(cast)
    client = signed_in(cast.coach)
    listing = client.get(reverse("outreach:messages", args=[cast.programme.pk])).content.decode()
    assert "Hello {{ first_name }}" in listing
    assert "0 % / —" in listing  # nobody came back yet; no hold-out
    report = client.get(reverse("outreach:message", args=[cast.programme.pk, message.pk]))
    assert "no hold-out" in report.content.decode().lower()


def test_automations_are_created_paused_and_resumed(cast: Cast, signed_in: SignIn) -> None:
    client = signed_in(cast.coach)
    url = reverse("outreach:automations", args=[cast.programme.pk])
    response = client.post(url, {
        "name": "Passive week", "trigger": "passive", "days": "7", "subject": "Hi {{ first_name }}",
        "body": "Back: {{ continue_link }}", "channel": Channel.EMAIL, "holdout_percent": "10",
    })  # fmt: skip
    assert response.status_code == 302
    automation = cast.programme.automations.get()
    pause = reverse("outreach:automation_pause", args=[cast.programme.pk, automation.pk])
    client.post(pause, {"paused": "true"})
    automation.refresh_from_db()
    assert automation.is_paused
    client.post(pause, {"paused": "false"})
    automation.refresh_from_db()
    assert not automation.is_paused


def test_an_automation_with_a_bad_placeholder_is_refused(cast: Cast, signed_in: SignIn) -> None:
    with assert_nothing_stored(Automation):
        response = signed_in(cast.coach).post(
            reverse("outreach:automations", args=[cast.programme.pk]),
            {"name": "x", "trigger": "passive", "days": "7", "subject": "Hi", "body": "{{ oops }}",
             "channel": Channel.EMAIL, "holdout_percent": "10"},
        )  # fmt: skip
    assert response.status_code == 400
    assert "Valid placeholders are" in response.content.decode()


def test_an_organisation_edits_its_own_template_wording(
    cast: Cast, staff_user: User, signed_in: SignIn
) -> None:
    organisation = cast.programme.organisation
    client = signed_in(staff_user)
    url = reverse("outreach:template_edit", args=[organisation.pk, "reminder", "fi"])
    assert "odottaa sinua" in client.get(url).content.decode()
    response = client.post(
        url, {"subject": "Moi {{ first_name }}", "body": "Tule {{ continue_link }}"}
    )
    assert response.status_code == 302
    assert MessageTemplate.objects.get(organisation=organisation).subject == "Moi {{ first_name }}"
    bad = client.post(url, {"subject": "Moi {{ etunimi }}", "body": "x"})
    assert bad.status_code == 400
    assert (
        client.get(
            reverse("outreach:template_edit", args=[organisation.pk, "nope", "fi"])
        ).status_code
        == 404
    )


def test_scheduled_message_can_be_cancelled_from_its_report(cast: Cast, signed_in: SignIn) -> None:
    message = actions.do_queue_message(
        programme=cast.programme, author=cast.coach,
        draft=draft(timing=TimingKind.AT, at=timezone.now() + timedelta(days=1)),
    )  # fmt: skip
    client = signed_in(cast.coach)
    client.post(reverse("outreach:message_cancel", args=[cast.programme.pk, message.pk]))
    message.refresh_from_db()
    assert message.status == "cancelled"


def test_organisation_settings_are_saved_and_used(
    cast: Cast, org_admin: User, signed_in: SignIn
) -> None:
    organisation = cast.programme.organisation
    url = reverse("outreach:settings", args=[organisation.pk])
    client = signed_in(org_admin)
    response = client.post(url, {
        "quiet_hours_start": "22", "quiet_hours_end": "7", "frequency_cap_days": "0",
        "holdout_percent": "20", "open_tracking": "on",
    })  # fmt: skip
    assert response.status_code == 302
    saved = OutreachSettings.objects.get(organisation=organisation)
    assert (saved.quiet_hours_start, saved.frequency_cap_days, saved.open_tracking) == (22, 0, True)
    assert client.post(url, {"quiet_hours_start": "25"}).status_code == 400
    compose = signed_in(cast.coach).get(compose_url(cast)).content.decode()
    assert 'name="holdout_percent" value="20"' in compose


def _message_list_queries(cast: Cast, client: Client, count: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(count - Message.objects.filter(programme=cast.programme).count()):
        sent_message(cast, holdout_percent=20, ignore_frequency_cap=True)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("outreach:messages", args=[cast.programme.pk]))
    assert response.status_code == 200
    return len(captured)


def test_the_message_list_reads_its_effect_figures_in_one_pass(
    cast: Cast, signed_in: SignIn
) -> None:
    """The same number of queries for 2 messages as for 6: nothing is read per message."""
    client = signed_in(cast.coach)
    two = _message_list_queries(cast, client, 2)
    six = _message_list_queries(cast, client, 6)
    assert six == two
