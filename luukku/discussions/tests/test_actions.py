import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from luukku.accounts.models import User
from luukku.activity.models import Event, EventKind
from luukku.conftest import make_user
from luukku.discussions import actions
from luukku.discussions.models import Reaction, ReactionKind, Thread
from luukku.discussions.tests.conftest import join
from luukku.notifications.models import Notification, NotificationKind
from luukku.programmes.models import Programme
from luukku.programmes.tests.factories import make_page, make_section

pytestmark = pytest.mark.usefixtures("coach", "maija", "pekka", "observer")


def test_script_and_event_handlers_are_stripped(programme: Programme, maija: User) -> None:
    thread = actions.do_create_thread(
        user=maija,
        programme=programme,
        title="Hello",
        body_html='<p onclick="x()">Hi<script>alert(1)</script><img src=x onerror="alert(1)"></p>',
    )
    assert "<script" not in thread.body_html
    assert "onerror" not in thread.body_html
    assert "onclick" not in thread.body_html
    assert "Hi" in thread.body_html


def test_comment_body_is_sanitised(thread: Thread, pekka: User) -> None:
    comment = actions.do_add_comment(
        user=pekka, thread=thread, body_html='<a href="javascript:alert(1)">x</a><script>1</script>'
    )
    assert "javascript:" not in comment.body_html
    assert "<script" not in comment.body_html


def test_empty_body_is_refused(thread: Thread, pekka: User) -> None:
    with pytest.raises(ValidationError):
        actions.do_add_comment(user=pekka, thread=thread, body_html="<script>only</script>")


def test_observer_cannot_post(programme: Programme, observer: User) -> None:
    with pytest.raises(PermissionDenied):
        actions.do_create_thread(user=observer, programme=programme, title="x", body_html="y")


def test_only_the_author_edits_a_thread(thread: Thread, pekka: User, coach: User) -> None:
    for other in (pekka, coach):
        with pytest.raises(PermissionDenied):
            actions.do_edit_thread(user=other, thread=thread, title="Mine", body_html="now")


def test_only_the_author_deletes_a_comment(thread: Thread, maija: User, pekka: User) -> None:
    comment = actions.do_add_comment(user=pekka, thread=thread, body_html="Moi")
    with pytest.raises(PermissionDenied):
        actions.do_delete_comment(user=maija, comment=comment)
    actions.do_delete_comment(user=pekka, comment=comment)
    comment.refresh_from_db()
    assert comment.is_hidden


def test_coach_pins_locks_and_moderates(thread: Thread, coach: User, pekka: User) -> None:
    comment = actions.do_add_comment(user=pekka, thread=thread, body_html="Rude words")
    actions.do_pin_thread(user=coach, thread=thread, pinned=True)
    actions.do_lock_thread(user=coach, thread=thread, locked=True)
    actions.do_moderate_comment(user=coach, comment=comment)
    thread.refresh_from_db()
    comment.refresh_from_db()
    assert thread.pinned
    assert thread.locked
    assert comment.removed_by_moderator


def test_participant_cannot_pin_lock_or_moderate(thread: Thread, pekka: User) -> None:
    comment = actions.do_add_comment(user=pekka, thread=thread, body_html="Hi")
    with pytest.raises(PermissionDenied):
        actions.do_pin_thread(user=pekka, thread=thread, pinned=True)
    with pytest.raises(PermissionDenied):
        actions.do_lock_thread(user=pekka, thread=thread, locked=True)
    with pytest.raises(PermissionDenied):
        actions.do_moderate_comment(user=pekka, comment=comment)


def test_locked_thread_refuses_comments(thread: Thread, coach: User, pekka: User) -> None:
    actions.do_lock_thread(user=coach, thread=thread, locked=True)
    with pytest.raises(actions.DiscussionError, match="locked"):
        actions.do_add_comment(user=pekka, thread=thread, body_html="Late")


def test_mention_notifies_the_mentioned_member_only(
    programme: Programme, maija: User, pekka: User, outsider: User
) -> None:
    # The outsider shares the first name "Maija" but is not in this programme.
    thread = actions.do_create_thread(
        user=pekka, programme=programme, title="Kysymys", body_html="<p>@Maija, katso tämä</p>"
    )
    comment_text = "<p>@Maija Muualla ja @maija.m</p>"
    actions.do_add_comment(user=pekka, thread=thread, body_html=comment_text)
    mentions = Notification.objects.filter(kind=NotificationKind.MENTION)
    assert sorted(mentions.values_list("recipient__email", flat=True)) == [
        "maija.m@example.com",
        "maija.m@example.com",
    ]
    assert not Notification.objects.filter(recipient=outsider).exists()


def test_editing_notifies_only_newly_mentioned(thread: Thread, maija: User, pekka: User) -> None:
    actions.do_edit_thread(user=maija, thread=thread, title="Hei", body_html="@Pekka")
    actions.do_edit_thread(user=maija, thread=thread, title="Hei", body_html="@Pekka again")
    assert Notification.objects.filter(recipient=pekka, kind=NotificationKind.MENTION).count() == 1


def test_new_thread_notifies_other_members(programme: Programme, maija: User, pekka: User) -> None:
    actions.do_create_thread(user=maija, programme=programme, title="Uusi", body_html="Moi")
    recipients = set(
        Notification.objects.filter(kind=NotificationKind.NEW_THREAD).values_list(
            "recipient__email", flat=True
        )
    )
    assert recipients == {"coach@example.com", "pekka@example.com", "olli@example.com"}


def test_comment_notifies_thread_author_and_earlier_commenters(
    thread: Thread, maija: User, pekka: User, coach: User
) -> None:
    actions.do_add_comment(user=pekka, thread=thread, body_html="First")
    Notification.objects.all().delete()
    actions.do_add_comment(user=coach, thread=thread, body_html="Second")
    replies = Notification.objects.filter(kind=NotificationKind.REPLY)
    assert set(replies.values_list("recipient", flat=True)) == {maija.pk, pekka.pk}


def test_reaction_toggles(thread: Thread, pekka: User) -> None:
    assert actions.do_toggle_reaction(user=pekka, kind=ReactionKind.LIKE, thread=thread)
    assert not actions.do_toggle_reaction(user=pekka, kind=ReactionKind.LIKE, thread=thread)
    assert not Reaction.objects.exists()


def test_reaction_is_unique_per_user_target_and_kind(thread: Thread, pekka: User) -> None:
    Reaction.objects.create(user=pekka, thread=thread, kind=ReactionKind.IDEA)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(user=pekka, thread=thread, kind=ReactionKind.IDEA)


def test_reaction_needs_exactly_one_target(thread: Thread, pekka: User) -> None:
    comment = actions.do_add_comment(user=pekka, thread=thread, body_html="Hi")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(user=pekka, thread=thread, comment=comment, kind="like")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(user=pekka, kind="like")


def test_participation_events_are_recorded(thread: Thread, pekka: User) -> None:
    comment = actions.do_add_comment(user=pekka, thread=thread, body_html="Hi")
    actions.do_toggle_reaction(user=pekka, kind=ReactionKind.THANKS, comment=comment)
    events = Event.objects.order_by("id").values_list("kind", "user_id", "target")
    target = f"thread:{thread.pk}"
    assert list(events) == [
        (EventKind.POST, thread.author_id, target),
        (EventKind.COMMENT, pekka.pk, target),
        (EventKind.REACTION, pekka.pk, target),
    ]


def test_inactive_members_are_not_notified(programme: Programme, maija: User) -> None:
    sleeper = make_user("sleeper@example.com", "Sleeper", is_active=False)
    join(programme, sleeper, "participant")
    actions.do_create_thread(user=maija, programme=programme, title="x", body_html="@Sleeper")
    assert not Notification.objects.filter(recipient=sleeper).exists()


def test_thread_under_an_unopened_page_notifies_only_coaches(
    programme: Programme, coach: User, maija: User
) -> None:
    page = make_page(make_section(programme, opens_on=datetime.date(2099, 1, 1)))
    actions.do_create_thread(
        user=coach, programme=programme, page=page, title="Ensi viikolla", body_html="@Maija"
    )
    assert not Notification.objects.filter(recipient=maija).exists()
