"""The demo's reminder days are real activation messages showing the seed's send-day effect."""

from luukku.demo.builder import build_demo
from luukku.notifications.models import Notification, NotificationKind
from luukku.outreach import effect
from luukku.outreach.models import Message
from luukku.outreach.queries import message_send_dates


def test_demo_reminders_show_about_two_and_a_half_times_the_visits(db: None) -> None:
    summary = build_demo(seed=7, participant_count=40, weeks=10)
    programme = summary.programme
    days = message_send_dates(programme)
    assert days == sorted(summary.reminder_days)
    assert Message.objects.filter(programme=programme).count() == len(days)
    assert Notification.objects.filter(kind=NotificationKind.ACTIVATION).exists()
    ratio = effect.mean_ratio(effect.send_day_ratios(programme, days).values())
    assert ratio is not None
    assert 1.8 <= ratio <= 3.5


def test_demo_reminders_carry_hold_outs_so_the_report_shows_intervals_and_a_pooled_estimate(
    db: None,
) -> None:
    from luukku.outreach import pooled
    from luukku.outreach.models import Delivery, DeliveryGroup

    summary = build_demo(seed=7, participant_count=40, weeks=10)
    programme = summary.programme
    messages = list(Message.objects.filter(programme=programme))
    assert all(
        Delivery.objects.filter(message=message, group=DeliveryGroup.HOLDOUT).exists()
        for message in messages
    )
    report = effect.effect_of(programme, Delivery.objects.filter(message=messages[-1]))
    assert report.visits_difference is not None
    assert report.main is not None
    assert report.main.difference is not None
    overall = pooled.programme_pooled(programme)[0]
    assert overall.messages >= 3
    assert overall.visits is not None
    assert overall.visits.interval.low < overall.visits.interval.high
