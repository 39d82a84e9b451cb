"""Participation events: the append-only record every analytic is derived from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    PAGE_VIEW = "page_view", _("Page view")
    ACTIVE_PING = "active_ping", _("Active time")
    POST = "post", _("Post")
    COMMENT = "comment", _("Comment")
    REACTION = "reaction", _("Reaction")
    FILE_OPEN = "file_open", _("File opened")
    MESSAGE_OPEN = "message_open", _("Message opened")
    MESSAGE_CLICK = "message_click", _("Message link followed")
    BOOKING = "booking", _("Booking")


# Opening an in-app message or following a message's link is not being in the programme:
# such events are counted in their own columns but neither start nor continue a visit, and
# are not a "return" (whatever the person does in the programme afterwards is).
NOT_VISIT_KINDS = frozenset({EventKind.MESSAGE_OPEN.value, EventKind.MESSAGE_CLICK.value})

# Seconds of active time one ping stands for: the browser sends one every 15 s while the
# page is visible and the person has interacted in the last minute.
ACTIVE_PING_SECONDS = 15


class Event(models.Model):
    """One thing a member did in a programme. Rows are only ever inserted.

    The app has no update or delete path on purpose: analytics and audits read this as a
    log. Erasure (a person's right to be forgotten, retention) will be a bulk delete by
    user_id or by age in the privacy app, served by the indexes below.

    organisation_id, programme_id and user_id are plain integer columns, not foreign keys.
    On PostgreSQL every foreign-key constraint costs each INSERT a lookup in the parent
    table and a KEY SHARE lock on the parent row, which concurrent ingest of one
    programme's events would contend on; a ForeignKey without the constraint would still
    add a single-column index per key, and every index is paid for on each insert. The
    composite indexes below are the ones reads need. Plain columns also leave the table
    free to be partitioned by time later (DESIGN: partitioned event tables).
    """

    organisation_id = models.BigIntegerField()
    programme_id = models.BigIntegerField()
    user_id = models.BigIntegerField()
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices)
    target = models.CharField(_("target"), max_length=64, blank=True)
    occurred_at = models.DateTimeField(_("time"))
    active_seconds = models.PositiveSmallIntegerField(_("active seconds"), default=0)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["programme_id", "occurred_at"], name="event_programme_time"),
            models.Index(fields=["user_id", "programme_id", "occurred_at"], name="event_user_time"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.target} by user {self.user_id} at {self.occurred_at}"


# Event kinds counted in their own rollup column (an active ping counts as active seconds).
KIND_COLUMNS = {
    EventKind.PAGE_VIEW: "page_views",
    EventKind.POST: "posts",
    EventKind.COMMENT: "comments",
    EventKind.REACTION: "reactions",
    EventKind.FILE_OPEN: "file_opens",
    EventKind.MESSAGE_OPEN: "message_opens",
    EventKind.MESSAGE_CLICK: "message_clicks",
    EventKind.BOOKING: "bookings",
}
HOUR_COLUMNS = tuple(f"h{hour:02d}" for hour in range(24))
# Every counter of a day rollup, in one fixed order (the rollup code keeps them in lists).
COUNTER_COLUMNS = ("visits", "active_seconds", "events", *KIND_COLUMNS.values(), *HOUR_COLUMNS)


class DayCounters(models.Model):
    """The counters of a day rollup, one integer column per COUNTER_COLUMNS entry.

    Shared by the member and programme day rollups so that the two cannot drift apart.
    """

    visits = models.IntegerField(default=0)
    active_seconds = models.IntegerField(default=0)
    events = models.IntegerField(default=0)
    page_views = models.IntegerField(default=0)
    posts = models.IntegerField(default=0)
    comments = models.IntegerField(default=0)
    reactions = models.IntegerField(default=0)
    file_opens = models.IntegerField(default=0)
    message_opens = models.IntegerField(default=0)
    message_clicks = models.IntegerField(default=0)
    bookings = models.IntegerField(default=0)
    # Visit starts per local hour, h00..h23 (declared in a loop: 24 identical columns).
    for _column in HOUR_COLUMNS:
        locals()[_column] = models.IntegerField(default=0)
    del _column

    class Meta:
        abstract = True


class MemberDayRollup(DayCounters):
    """One member's participation in one programme on one programme-local day.

    A visit counts on the day (and in the hour) it starts, so a visit across midnight is
    counted once; active seconds and actions count on the day they happened. The hour
    columns count visit starts by local hour: with the day's weekday they give the
    hour-of-week distribution as plain SUMs, which the pages need to be fast.
    """

    organisation_id = models.BigIntegerField()
    programme_id = models.BigIntegerField()
    user_id = models.BigIntegerField()
    day = models.DateField(_("day"))

    class Meta:
        verbose_name = _("daily participation")
        verbose_name_plural = _("daily participation")
        constraints = [
            models.UniqueConstraint(
                fields=["programme_id", "user_id", "day"], name="one_rollup_per_member_day"
            )
        ]
        indexes = [models.Index(fields=["programme_id", "day"], name="rollup_programme_day")]

    def __str__(self) -> str:
        return f"user {self.user_id} in programme {self.programme_id} on {self.day}"


class ProgrammeDayRollup(DayCounters):
    """All members' day rollups of a programme summed per day, so programme-wide charts read
    a row per day instead of one per member and day (the few non-participants are
    subtracted by the reader)."""

    organisation_id = models.BigIntegerField()
    programme_id = models.BigIntegerField()
    day = models.DateField(_("day"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["programme_id", "day"], name="one_rollup_per_programme_day"
            )
        ]

    def __str__(self) -> str:
        return f"programme {self.programme_id} on {self.day}"


class MemberWeekRollup(models.Model):
    """One member's visits and active time in a calendar week (Monday-Sunday, local): the
    participant table's trend and retention read 1/7 of the day rows."""

    organisation_id = models.BigIntegerField()
    programme_id = models.BigIntegerField()
    user_id = models.BigIntegerField()
    week = models.DateField(_("week"))  # its Monday
    visits = models.IntegerField(default=0)
    active_seconds = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["programme_id", "user_id", "week"], name="one_rollup_per_member_week"
            )
        ]

    def __str__(self) -> str:
        return f"user {self.user_id} in programme {self.programme_id}, week of {self.week}"


class MemberRollupState(models.Model):
    """Per member and programme: the first and last event rolled up.

    The last event time is the watermark of the incremental rollup: a new event within
    30 minutes of it continues the visit already counted instead of starting another.
    """

    organisation_id = models.BigIntegerField()
    programme_id = models.BigIntegerField()
    user_id = models.BigIntegerField()
    first_event_at = models.DateTimeField()
    last_event_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["programme_id", "user_id"], name="one_rollup_state_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"user {self.user_id} in programme {self.programme_id}"


class MemberTargetRollup(models.Model):
    """What a member opened: one row per section, page or file, with the first time."""

    programme_id = models.BigIntegerField()
    user_id = models.BigIntegerField()
    target_type = models.CharField(max_length=8)
    target_id = models.BigIntegerField()
    # The plan section the target belongs to, resolved when rolled up (pages and files
    # stay in their section), so "who opened each section" is one GROUP BY.
    section_id = models.BigIntegerField(null=True)
    first_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["programme_id", "user_id", "target_type", "target_id"],
                name="one_target_rollup_per_member",
            )
        ]
        # "Who opened each section" counts distinct people per section from the index alone.
        indexes = [
            models.Index(
                fields=["programme_id", "section_id", "user_id"], name="target_rollup_section"
            )
        ]

    def __str__(self) -> str:
        return f"{self.target_type}:{self.target_id} by user {self.user_id}"


class ProgrammeRollup(models.Model):
    """The time zone a programme's day rollups were computed in (a change rebuilds them)."""

    programme_id = models.BigIntegerField(unique=True)
    time_zone = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"programme {self.programme_id} in {self.time_zone}"


class RollupCursor(models.Model):
    """How far the incremental rollup has read the event log (one row, locked while rolling).

    Event ids are handed out at INSERT but become visible at COMMIT, so on PostgreSQL a
    smaller id can appear after a larger one was read. Ids skipped below the cursor are
    kept in `pending` ([id, first seen ISO time]) and picked up when they appear, or
    forgotten after a while (a rolled-back insert never appears).
    """

    name = models.CharField(max_length=32, unique=True)
    last_event_id = models.BigIntegerField(default=0)
    pending = models.JSONField(default=list)

    def __str__(self) -> str:
        return f"{self.name} at {self.last_event_id}"


class TrackingRevocation(models.Model):
    """A member left a programme: tracking tokens issued to them before `revoked_at` die.

    Tracking tokens are signed and valid for hours, so ending a membership must be
    written down where ingest looks; a token issued after a later re-admission is fine.
    """

    user_id = models.BigIntegerField()
    programme_id = models.BigIntegerField()
    revoked_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user_id", "programme_id"], name="one_tracking_revocation_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"user {self.user_id} in programme {self.programme_id} since {self.revoked_at}"
