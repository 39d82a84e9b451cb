"""Demo content for the helpdesk and the service catalogue: teams with opening hours,
topics, keyword rules, canned replies in three languages and a few requests."""

import datetime
import random
from typing import Any

from luukku.core.actions import do_create_team, do_save_schedule, do_save_service
from luukku.core.models import Organisation, ServiceKind, Team
from luukku.helpdesk import actions
from luukku.helpdesk.models import Category, Status

WEEKDAYS_9_TO_16 = [(day, datetime.time(9), datetime.time(16)) for day in range(5)]
WEEKDAYS_8_TO_18 = [(day, datetime.time(8), datetime.time(18)) for day in range(5)]

CANNED_REPLIES = [
    ("fi", "Kiitos yhteydenotosta", "Hei,\n\nkiitos viestistäsi. Selvitämme asiaa ja palaamme "
        "pian.\n\nYstävällisin terveisin"),
    ("sv", "Tack för ditt meddelande", "Hej,\n\ntack för ditt meddelande. Vi utreder saken och "
        "återkommer snart.\n\nMed vänlig hälsning"),
    ("en", "Thank you for contacting us", "Hello,\n\nthank you for your message. We are looking "
        "into it and will get back to you soon.\n\nBest regards"),
    ("fi", "Ohje salasanan vaihtoon", "Hei,\n\nvoit vaihtaa salasanan itse salasanapalvelussa "
        "pankkitunnuksilla tunnistautumalla. Uusi salasana toimii noin 15 minuutin kuluttua."),
]  # fmt: skip

REQUESTS = [
    ("Opintotuki", "Matti Meikäläinen", "Opintotuki ei tullut", "Hei, opintotukeni ei ole tullut "
        "tilille tässä kuussa. Mitä teen?"),
    ("Passwords and IT", "Anna Andersson", "Lösenordet fungerar inte", "Jag kommer inte in i "
        "Moodle fast jag bytte lösenord igår."),
    ("Studies", "Li Wei", "Transcript in English", "Hello, I need an official transcript of "
        "records in English for a job application."),
    ("Studies", "Pekka Virtanen", "Harjoittelu ulkomailla", "Voinko tehdä harjoittelun Ruotsissa "
        "ja saako siihen apurahaa?"),
]  # fmt: skip


def _teams(organisation: Organisation) -> dict[str, Team]:
    study = do_save_schedule(
        organisation=organisation, name="Study services", time_zone=organisation.time_zone,
        periods=WEEKDAYS_9_TO_16,
    )  # fmt: skip
    it = do_save_schedule(
        organisation=organisation, name="IT services", time_zone=organisation.time_zone,
        periods=WEEKDAYS_8_TO_18,
    )  # fmt: skip
    teams = {
        "study": do_create_team(organisation=organisation, name="Study services"),
        "money": do_create_team(organisation=organisation, name="Financial aid advisers"),
        "it": do_create_team(organisation=organisation, name="IT services"),
    }
    actions.do_save_team_desk(team=teams["study"], schedule=study, first_reply_minutes=480)
    actions.do_save_team_desk(team=teams["money"], schedule=study, first_reply_minutes=960)
    actions.do_save_team_desk(team=teams["it"], schedule=it, first_reply_minutes=240)
    return teams


def _catalogue(organisation: Organisation) -> None:
    slug = organisation.slug
    study = organisation.schedules.get(name="Study services")
    entries: list[dict[str, Any]] = [
        {"kind": ServiceKind.HELPDESK, "name": "Ask student services", "url": f"/help/{slug}/",
         "audience": "Students and applicants", "schedule": study,
         "description": "Send a question; the right team answers by e-mail."},
        {"kind": ServiceKind.KNOWLEDGE, "name": "Questions and answers",
         "url": f"/knowledge/{slug}/", "audience": "Everyone",
         "description": "Answers to common questions in Finnish, Swedish and English."},
        {"kind": ServiceKind.BOOKING, "name": "Book a guidance session", "url": "/bookings/",
         "audience": "Students", "sign_in_required": True, "schedule": study,
         "description": "30-minute sessions with a study counsellor, online or by phone."},
    ]  # fmt: skip
    for position, entry in enumerate(entries):
        do_save_service(organisation=organisation, position=position, published=True, **entry)


def seed_demo_helpdesk(*, organisation: Organisation, staff: list[Any], seed: int) -> None:
    """Teams, opening hours, catalogue, topics, rules, canned replies and a few requests."""
    rng = random.Random(seed)
    teams = _teams(organisation)
    _catalogue(organisation)
    topics = {
        "Studies": teams["study"],
        "Opintotuki": teams["money"],
        "Passwords and IT": teams["it"],
    }
    categories = {
        name: actions.do_create_category(
            organisation=organisation, name=name, team=team, position=i
        )
        for i, (name, team) in enumerate(topics.items())
    }
    actions.do_create_routing_rule(organisation=organisation, keyword="salasana", team=teams["it"])
    actions.do_create_routing_rule(organisation=organisation, keyword="password", team=teams["it"])
    for language, title, body in CANNED_REPLIES:
        actions.do_create_canned_reply(
            organisation=organisation, language=language, title=title, body=body
        )
    _requests(organisation, categories, staff, rng)


def _requests(
    organisation: Organisation,
    categories: dict[str, Category],
    staff: list[Any],
    rng: random.Random,
) -> None:
    for index, (topic, name, subject, message) in enumerate(REQUESTS):
        email = name.split()[0].lower() + "@example.com"
        request = actions.do_submit_request(
            organisation=organisation, category=categories[topic], name=name, email=email,
            subject=subject, message=message,
        )  # fmt: skip
        if staff and index % 2 == 0:
            actions.do_reply(
                request=request, author=rng.choice(staff),
                body="Kiitos viestistä! / Thank you, we are on it.", status=Status.WAITING,
            )  # fmt: skip
