from luukku.bookings.demo import seed_demo_bookings
from luukku.bookings.tests.factories import make_advisor
from luukku.core.models import Organisation
from luukku.feedback.actions import do_release_answers
from luukku.feedback.demo import answer_session
from luukku.feedback.models import FeedbackAnswer, FeedbackPoolEntry


def test_demo_past_sessions_carry_released_feedback(organisation: Organisation) -> None:
    staff = [make_advisor(organisation, f"advisor{n}@example.com") for n in range(2)]
    seed_demo_bookings(
        organisation=organisation, staff=staff, seed=7, on_session_over=answer_session
    )
    do_release_answers()
    assert FeedbackAnswer.objects.exists()


def test_demo_without_the_feedback_hook_has_no_feedback(organisation: Organisation) -> None:
    staff = [make_advisor(organisation, f"advisor{n}@example.com") for n in range(2)]
    seed_demo_bookings(organisation=organisation, staff=staff, seed=7)
    do_release_answers()
    assert not FeedbackPoolEntry.objects.exists()
    assert not FeedbackAnswer.objects.exists()
