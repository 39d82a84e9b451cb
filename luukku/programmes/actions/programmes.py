"""Writes for programmes as a whole: creating them from a plan, settings, saving templates.

A plan is plain JSON, the same for built-in and saved templates:

    {"version": 1, "sections": [{
        "title": str, "summary": str,
        "opens_after": int | None,     # plan units after the start; None = open at once
        "opens_after_days": int,       # extra days after that
        "pages": [{"title": str, "body_html": str, "video_url": str}],
        "tasks": [{"title": str, "description_html": str,
                   "due_after_days": int | None}],  # days after the section opens
    }]}
"""

import calendar
import datetime
from typing import Any

from django.db import transaction

from luukku.accounts.models import User
from luukku.core.html import sanitise_html
from luukku.core.models import Organisation
from luukku.core.uploads import VerifiedFile
from luukku.programmes.models import (
    Page,
    PlanUnit,
    Programme,
    ProgrammeMembership,
    ProgrammeRole,
    ProgrammeTemplate,
    Section,
    Task,
)


def add_units(day: datetime.date, count: int, unit: str) -> datetime.date:
    """`count` weeks or months after `day`; a month later than the 31st is the month's end."""
    if unit == PlanUnit.MONTH:
        month_index = day.month - 1 + count
        year, month = day.year + month_index // 12, month_index % 12 + 1
        return day.replace(year=year, month=month, day=min(day.day, _month_days(year, month)))
    return day + datetime.timedelta(weeks=count)


def _month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def split_offset(start: datetime.date, day: datetime.date, unit: str) -> tuple[int, int]:
    """Express `day` as (whole units, extra days) after `start`, so plans keep their rhythm."""
    units = 0
    if day >= start:
        while add_units(start, units + 1, unit) <= day:
            units += 1
    else:
        while add_units(start, units, unit) > day:
            units -= 1
    return units, (day - add_units(start, units, unit)).days


def _plan_end(starts_on: datetime.date, plan: dict[str, Any] | None, unit: str) -> datetime.date:
    offsets = [s.get("opens_after") or 0 for s in (plan or {}).get("sections", [])]
    length = max([*offsets, 0]) + 1
    return add_units(starts_on, length, unit) - datetime.timedelta(days=1)


@transaction.atomic
def do_create_programme(
    *,
    organisation: Organisation,
    creator: User,
    name: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    description: str = "",
    time_zone: str = "",
    plan_unit: str = PlanUnit.WEEK,
    plan: dict[str, Any] | None = None,
) -> Programme:
    """Create a programme (its plan copied from `plan`, if any); the creator becomes a coach."""
    programme = Programme(
        organisation=organisation,
        name=name,
        description=description,
        starts_on=starts_on,
        ends_on=ends_on or _plan_end(starts_on, plan, plan_unit),
        time_zone=time_zone or organisation.time_zone,
        plan_unit=plan_unit,
        created_by=creator,
    )
    programme.full_clean()
    programme.save()
    ProgrammeMembership.objects.create(programme=programme, user=creator, role=ProgrammeRole.COACH)
    if plan:
        apply_plan(programme, plan)
    return programme


def apply_plan(programme: Programme, plan: dict[str, Any]) -> None:
    """Append the plan's sections, pages and tasks to the programme, dated from its start."""
    first_position = programme.sections.count()
    for index, item in enumerate(plan.get("sections", [])):
        opens_on = None
        if item.get("opens_after") is not None:
            opens_on = add_units(
                programme.starts_on, int(item["opens_after"]), programme.plan_unit
            ) + datetime.timedelta(days=int(item.get("opens_after_days") or 0))
        section = Section.objects.create(
            programme=programme,
            position=first_position + index,
            title=str(item.get("title", ""))[:200],
            summary=str(item.get("summary", "")),
            opens_on=opens_on,
        )
        _apply_section_content(section, item, opens_on or programme.starts_on)


def _apply_section_content(section: Section, item: dict[str, Any], base: datetime.date) -> None:
    Page.objects.bulk_create(
        Page(
            section=section,
            position=position,
            title=str(page.get("title", ""))[:200],
            body_html=sanitise_html(str(page.get("body_html", ""))),
            video_url=str(page.get("video_url", "")),
        )
        for position, page in enumerate(item.get("pages", []))
    )
    Task.objects.bulk_create(
        Task(
            section=section,
            title=str(task.get("title", ""))[:200],
            description_html=sanitise_html(str(task.get("description_html", ""))),
            due_on=(
                None
                if task.get("due_after_days") is None
                else base + datetime.timedelta(days=int(task["due_after_days"]))
            ),
        )
        for task in item.get("tasks", [])
    )


def snapshot_plan(programme: Programme) -> dict[str, Any]:
    """The programme's plan in the plan format, with dates relative to its start."""
    sections = []
    for section in programme.sections.order_by("position", "id").prefetch_related("pages", "tasks"):
        opens_after, extra_days = None, 0
        if section.opens_on is not None:
            opens_after, extra_days = split_offset(
                programme.starts_on, section.opens_on, programme.plan_unit
            )
        base = section.opens_on or programme.starts_on
        sections.append(
            {
                "title": section.title,
                "summary": section.summary,
                "opens_after": opens_after,
                "opens_after_days": extra_days,
                "pages": [
                    {"title": p.title, "body_html": p.body_html, "video_url": p.video_url}
                    for p in sorted(section.pages.all(), key=lambda p: (p.position, p.pk))
                ],
                "tasks": [
                    {
                        "title": t.title,
                        "description_html": t.description_html,
                        "due_after_days": None if t.due_on is None else (t.due_on - base).days,
                    }
                    for t in section.tasks.all()
                ],
            }
        )
    return {"version": 1, "sections": sections}


@transaction.atomic
def do_save_template(
    *, programme: Programme, creator: User, name: str, description: str = ""
) -> ProgrammeTemplate:
    """Save the programme's plan as a template of its organisation (files are not copied)."""
    template = ProgrammeTemplate(
        organisation=programme.organisation,
        name=name,
        description=description,
        plan=snapshot_plan(programme),
        created_by=creator,
    )
    template.full_clean()
    template.save()
    return template


@transaction.atomic
def do_update_programme(
    *,
    programme: Programme,
    name: str,
    description: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    time_zone: str,
    plan_unit: str,
    cover_image: VerifiedFile | None = None,
    remove_cover: bool = False,
) -> Programme:
    """Change a programme's settings; a new cover replaces (and deletes) the old one."""
    programme.name, programme.description = name, description
    programme.starts_on, programme.ends_on = starts_on, ends_on
    programme.time_zone, programme.plan_unit = time_zone, plan_unit
    fields = ["name", "description", "starts_on", "ends_on", "time_zone", "plan_unit"]
    programme.full_clean(exclude=["cover_image"])
    if (cover_image is not None or remove_cover) and programme.cover_image:
        old_name = programme.cover_image.name or ""
        storage = programme.cover_image.storage
        transaction.on_commit(lambda: storage.delete(old_name))
        programme.cover_image = ""
        fields.append("cover_image")
    if cover_image is not None:
        programme.cover_image.save(
            f"cover{cover_image.extension}", cover_image.as_file(), save=False
        )
        fields.append("cover_image")
    programme.save(update_fields=sorted(set(fields)))
    return programme
