"""manage.py seed_demo: a demo organisation with a 10-week programme and its history."""

import os
import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from luukku.accounts.models import User
from luukku.core.models import Organisation
from luukku.demo import texts
from luukku.demo.builder import DemoSummary, build_demo

PASSWORD_VARIABLE = "LUUKKU_DEMO_PASSWORD"


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
            "Reminder days (announcements at 09:00): "
            + (", ".join(day.isoformat() for day in summary.reminder_days) or "none yet"),
            "",
            f"Open {settings.SITE_URL}{reverse('programmes:home', args=[programme.pk])}",
            f"  organisation admin (installation staff): {summary.admin.email}",
            f"  coach:       {summary.coach.email}",
            f"  participant: {summary.participant.email}",
        ]
        if has_password:
            lines.append(f"They sign in with the password in {PASSWORD_VARIABLE}.")
        else:
            lines.append(
                f"They sign in with a magic link: ask for one at {settings.SITE_URL}"
                f"{reverse('accounts:sign_in')} and open it from the local mailbox at "
                f"{settings.SITE_URL}{reverse('core:mailbox')} (staff only: set "
                f"{PASSWORD_VARIABLE} before seeding to sign in as the admin with a password)."
            )
        self.stdout.write("\n".join(lines))
