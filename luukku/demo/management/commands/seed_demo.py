"""manage.py seed_demo: a demo organisation with a 10-week programme and its history."""

import os
import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import QuerySet
from django.urls import reverse

from luukku.accounts.actions import do_create_sign_in_url
from luukku.accounts.models import OrganisationRole, User
from luukku.core.models import Organisation
from luukku.demo import texts
from luukku.demo.builder import DemoSummary, build_demo
from luukku.programmes.models import ProgrammeMembership, ProgrammeRole

PASSWORD_VARIABLE = "LUUKKU_DEMO_PASSWORD"  # noqa: S105  # the variable's name, not a password


class Command(BaseCommand):
    help = (
        "Create a demo organisation: a 10-week coaching programme, an admin, 3 coaches, "
        "participants, discussions and weeks of simulated activity (same seed, same data)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--seed", type=int, default=42, help="Random seed (default 42).")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if any organisation exists already.",
        )
        parser.add_argument("--participants", type=int, default=120, help="Default 120.")
        parser.add_argument("--weeks", type=int, default=10, help="Weeks of history (default 10).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Organisation.objects.exists():
            self.stdout.write("Organisations exist already; no demo data created.")
            self.print_sign_in_links()
            return
        if options["participants"] < 1 or not 1 <= options["weeks"] <= 52:
            raise CommandError("Use at least 1 participant and 1 to 52 weeks.")
        if (
            Organisation.objects.filter(slug=texts.ORGANISATION_SLUG).exists()
            or User.objects.filter(email__endswith="@" + texts.EMAIL_DOMAIN).exists()
        ):
            raise CommandError("The demo data exists already; use a fresh database.")
        password = os.environ.get(PASSWORD_VARIABLE, "")
        started = time.perf_counter()
        summary = build_demo(
            seed=options["seed"],
            participant_count=options["participants"],
            weeks=options["weeks"],
            password=password,
        )
        self.report(summary, time.perf_counter() - started, bool(password))

    def report(self, summary: DemoSummary, seconds: float, has_password: bool) -> None:
        programme = summary.programme
        lines = [
            f"Demo data created in {seconds:.1f} s: {summary.organisation.name}, "
            f"programme “{programme.name}” ({programme.starts_on} to {programme.ends_on}).",
            f"{summary.visit_count} visits, {summary.event_count} events, "
            f"{summary.thread_count} discussions with {summary.comment_count} comments.",
            "Reminder days (in-app activation messages at 09:00, see Messages): "
            + (", ".join(day.isoformat() for day in summary.reminder_days) or "none yet"),
            "",
            f"Open {settings.SITE_URL}{reverse('programmes:home', args=[programme.pk])}",
            f"  organisation admin (installation staff): {summary.admin.email}",
            f"  coach:       {summary.coach.email}",
            f"  participant: {summary.participant.email}",
        ]
        if has_password:
            lines.append(f"They sign in with the password in {PASSWORD_VARIABLE}.")
        self.stdout.write("\n".join(lines))
        self.print_sign_in_links()

    def print_sign_in_links(self) -> None:
        """Print fresh one-time sign-in links for the demo people, on every start.

        Nobody has a password in the demo (unless LUUKKU_DEMO_PASSWORD is set), and the local
        mailbox is for staff only, so a newcomer needs a first way in.
        """
        lines = [
            "",
            "Demo sign-ins (each link works once, for 7 days; later use /accounts/sign-in/):",
        ]
        for role, user in demo_people():
            lines.append(f"  {role}: {user.email}")
            lines.append(f"    {do_create_sign_in_url(user=user)}")
        if len(lines) > 2:
            self.stdout.write("\n".join(lines))


def demo_people() -> list[tuple[str, User]]:
    """The demo's admin, first coach and first participant, if the demo data exists."""
    members = ProgrammeMembership.objects.filter(
        programme__organisation__slug=texts.ORGANISATION_SLUG
    ).order_by("pk")
    candidates = [
        (
            "organisation admin and installation staff",
            User.objects.filter(
                organisation_roles__organisation__slug=texts.ORGANISATION_SLUG,
                organisation_roles__role=OrganisationRole.ADMIN,
            ).first(),
        ),
        ("coach", _first_user(members.filter(role=ProgrammeRole.COACH))),
        ("participant", _first_user(members.filter(role=ProgrammeRole.PARTICIPANT))),
    ]
    return [(role, user) for role, user in candidates if user is not None]


def _first_user(memberships: QuerySet[ProgrammeMembership]) -> User | None:
    membership = memberships.select_related("user").first()
    return membership.user if membership else None
