import random
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from luukku.core.models import Organisation
from luukku.outreach import actions
from luukku.outreach.audiences import Audience
from luukku.outreach.models import (
    AudienceKind,
    Delivery,
    DeliveryGroup,
    DeliveryStatus,
    Message,
    OutreachSettings,
    TimingKind,
    Unsubscribe,
)
from luukku.outreach.tests.conftest import Cast, draft, make_cast


def queue(cast: Cast, **changes: object) -> Message:
    return actions.do_queue_message(
        programme=cast.programme, author=cast.coach, draft=draft(**changes)
    )


def test_a_message_to_everyone_queues_one_row_per_participant(
    cast: Cast, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        message = queue(cast)
    rows = Delivery.objects.filter(message=message)
    assert sorted(rows.values_list("user_id", flat=True)) == sorted(u.pk for u in cast.participants)
    assert set(rows.values_list("status", flat=True)) == {DeliveryStatus.DONE}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in cast.participants)
    assert cast.coach.email not in {m.to[0] for m in mail.outbox}


def test_the_database_refuses_a_second_row_for_the_same_person(cast: Cast) -> None:
    message = queue(cast, timing=TimingKind.AT, at=timezone.now() + timedelta(days=1))
    row = Delivery.objects.filter(message=message).first()
    assert row is not None
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(
            message=message, user_id=row.user_id, group=DeliveryGroup.RECIPIENT,
            status=DeliveryStatus.PENDING, send_at=row.send_at,
        )  # fmt: skip


def test_an_empty_audience_queues_nothing_and_says_so(cast: Cast) -> None:
    with pytest.raises(ValidationError) as caught:
        queue(cast, audience=Audience(AudienceKind.PICKED, user_ids=(cast.coach.pk,)))
    assert "Nobody" in caught.value.messages[0]
    assert not Message.objects.exists()
    assert not Delivery.objects.exists()


def test_a_time_in_the_past_is_refused(cast: Cast) -> None:
    with pytest.raises(ValidationError) as caught:
        queue(cast, timing=TimingKind.AT, at=timezone.now() - timedelta(hours=1))
    assert "at" in caught.value.message_dict
    assert not Message.objects.exists()


def test_unknown_placeholders_are_refused_before_anything_is_stored(cast: Cast) -> None:
    with pytest.raises(ValidationError) as caught:
        queue(cast, body="Hi {{ nickname }}")
    assert "{{ first_name }}" in caught.value.message_dict["body"][0]
    assert not Message.objects.exists()


def test_section_link_needs_a_section(cast: Cast) -> None:
    with pytest.raises(ValidationError) as caught:
        queue(cast, body="See {{ section_link }}")
    assert "section" in caught.value.message_dict


def test_unsubscribed_people_are_skipped_and_counted(
    cast: Cast, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    gone = cast.participants[0]
    Unsubscribe.objects.create(user=gone, programme=cast.programme)
    with django_capture_on_commit_callbacks(execute=True):
        message = queue(cast)
    row = Delivery.objects.get(message=message, user=gone)
    assert (row.group, row.status) == (DeliveryGroup.UNSUBSCRIBED, DeliveryStatus.NONE)
    assert gone.email not in {m.to[0] for m in mail.outbox}
    assert len(mail.outbox) == len(cast.participants) - 1


def test_the_frequency_cap_skips_people_messaged_in_the_last_two_days(cast: Cast) -> None:
    first = queue(cast, audience=Audience(AudienceKind.PICKED, user_ids=(cast.participants[0].pk,)))
    second = queue(cast)
    capped = Delivery.objects.get(message=second, user=cast.participants[0])
    assert capped.group == DeliveryGroup.CAPPED
    assert first.deliveries.get().group == DeliveryGroup.RECIPIENT


def test_overriding_the_frequency_cap_sends_and_warns(cast: Cast) -> None:
    queue(cast, audience=Audience(AudienceKind.PICKED, user_ids=(cast.participants[0].pk,)))
    plan = actions.plan_draft(cast.programme, draft(ignore_frequency_cap=True))
    assert len(plan.recipients) == len(cast.participants)
    assert any("another message" in warning for warning in plan.warnings)


def test_quiet_hours_move_the_send_to_the_morning_unless_overridden(cast: Cast) -> None:
    late = timezone.now().replace(hour=20, minute=0) + timedelta(days=1)  # 22:00 or 23:00 local
    plan = actions.plan_draft(cast.programme, draft(timing=TimingKind.AT, at=late))
    assert all(person.send_at.astimezone().hour != 20 for person in plan.recipients)
    assert all(person.send_at > late for person in plan.recipients)
    overridden = actions.plan_draft(
        cast.programme, draft(timing=TimingKind.AT, at=late, ignore_quiet_hours=True)
    )
    assert all(person.send_at == late for person in overridden.recipients)
    assert any("quiet hours" in warning for warning in overridden.warnings)


def test_hold_out_is_a_random_tenth_recorded_and_never_sent(organisation: Organisation) -> None:
    cast = make_cast(organisation, count=30)
    message = actions.do_queue_message(
        programme=cast.programme, author=cast.coach, draft=draft(holdout_percent=10),
        rng=random.Random(4),
    )  # fmt: skip
    held = message.deliveries.filter(group=DeliveryGroup.HOLDOUT)
    assert held.count() == 3
    assert set(held.values_list("status", flat=True)) == {DeliveryStatus.NONE}
    assert not set(held.values_list("user__email", flat=True)) & {m.to[0] for m in mail.outbox}


def test_hand_picked_audience_takes_only_participants_of_this_programme(
    cast: Cast, organisation: Organisation
) -> None:
    stranger = make_cast(organisation, count=1, prefix="x").participants[0]
    picked = (cast.participants[1].pk, stranger.pk, cast.coach.pk)
    plan = actions.plan_draft(
        cast.programme, draft(audience=Audience(AudienceKind.PICKED, user_ids=picked))
    )
    assert [person.user for person in plan.people] == [cast.participants[1]]


def test_the_organisation_can_switch_the_frequency_cap_off(cast: Cast) -> None:
    OutreachSettings.objects.create(organisation=cast.programme.organisation, frequency_cap_days=0)
    queue(cast)
    second = queue(cast)
    assert second.deliveries.filter(group=DeliveryGroup.RECIPIENT).count() == 5


def test_preview_shows_one_real_persons_copy(cast: Cast) -> None:
    subject, body = actions.preview(cast.programme, draft(), cast.participants[2])
    assert subject == "Hello Person2"
    assert cast.programme.name in body
    assert "/outreach/go/preview/continue/" in body


def test_cancelling_stops_what_is_not_sent(cast: Cast) -> None:
    message = queue(cast, timing=TimingKind.AT, at=timezone.now() + timedelta(days=1))
    assert actions.do_cancel_message(message=message) == len(cast.participants)
    message.refresh_from_db()
    assert message.status == "cancelled"
    assert not message.deliveries.filter(status=DeliveryStatus.PENDING).exists()
