"""Writes for a programme's content: sections, pages, their files, and tasks."""

import datetime
import re
from collections.abc import Iterable
from typing import TypeVar

from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone

from luukku.core.html import plain_text_to_html, sanitise_html
from luukku.core.uploads import VerifiedFile
from luukku.programmes.models import Page, PageFile, Programme, Section, Task

HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
Ordered = TypeVar("Ordered", Section, Page)


def clean_rich_text(text: str) -> str:
    """Sanitised HTML from what a coach wrote: HTML is cleaned, plain text becomes paragraphs."""
    text = text.strip()
    if HTML_TAG.search(text):
        return sanitise_html(text)
    return plain_text_to_html(text) if text else ""


def _next_position(items: "models.QuerySet[Section] | models.QuerySet[Page]") -> int:
    highest = items.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


def _move(siblings: Iterable[Ordered], item: Ordered, step: int) -> None:
    """Swap `item` with its neighbour `step` (-1 up, +1 down) and renumber the siblings."""
    ordered = list(siblings)
    index = next(i for i, sibling in enumerate(ordered) if sibling.pk == item.pk)
    target = index + step
    if 0 <= target < len(ordered):
        ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, sibling in enumerate(ordered):
        sibling.position = position
    type(item).objects.bulk_update(ordered, ["position"])


@transaction.atomic
def do_create_section(
    *, programme: Programme, title: str, summary: str = "", opens_on: datetime.date | None = None
) -> Section:
    section = Section(
        programme=programme,
        title=title,
        summary=summary,
        opens_on=opens_on,
        position=_next_position(programme.sections.all()),
    )
    section.full_clean()
    section.save()
    return section


def do_update_section(
    *, section: Section, title: str, summary: str, opens_on: datetime.date | None
) -> Section:
    section.title, section.summary, section.opens_on = title, summary, opens_on
    section.full_clean()
    section.save(update_fields=["title", "summary", "opens_on"])
    return section


@transaction.atomic
def do_move_section(*, section: Section, step: int) -> None:
    siblings = Section.objects.select_for_update().filter(programme_id=section.programme_id)
    _move(siblings.order_by("position", "id"), section, step)


def do_delete_section(*, section: Section) -> None:
    """Delete a section with its pages, tasks and stored files."""
    for page in section.pages.all():
        do_delete_page(page=page)
    section.delete()


@transaction.atomic
def do_create_page(*, section: Section, title: str, body: str = "", video_url: str = "") -> Page:
    page = Page(
        section=section,
        title=title,
        body_html=clean_rich_text(body),
        video_url=video_url,
        position=_next_position(section.pages.all()),
    )
    page.full_clean()
    page.save()
    return page


def do_update_page(*, page: Page, title: str, body: str, video_url: str) -> Page:
    page.title, page.body_html, page.video_url = title, clean_rich_text(body), video_url
    page.updated_at = timezone.now()
    page.full_clean()
    page.save(update_fields=["title", "body_html", "video_url", "updated_at"])
    return page


@transaction.atomic
def do_move_page(*, page: Page, step: int) -> None:
    siblings = Page.objects.select_for_update().filter(section_id=page.section_id)
    _move(siblings.order_by("position", "id"), page, step)


@transaction.atomic
def do_delete_page(*, page: Page) -> None:
    for page_file in page.files.all():
        do_delete_file(page_file=page_file)
    page.delete()


@transaction.atomic
def do_attach_file(*, page: Page, upload: VerifiedFile) -> PageFile:
    """Store an upload verified by core.uploads.verify_upload, and mark the page updated.

    The stored name is generated and the shown name is the sanitised one with the verified
    extension: nothing of the client's name reaches the disk or a download's extension.
    """
    page_file = PageFile(
        page=page,
        original_name=upload.download_name[:255],
        content_type=upload.content_type,
        size=upload.size,
    )
    page_file.file.save(f"file{upload.extension}", upload.as_file(), save=False)
    page_file.save()
    page.updated_at = timezone.now()
    page.save(update_fields=["updated_at"])
    return page_file


def do_delete_file(*, page_file: PageFile) -> None:
    """Delete the row now and the stored file once the deletion is committed."""
    name, storage = page_file.file.name, page_file.file.storage
    page_file.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def do_create_task(
    *, section: Section, title: str, description: str = "", due_on: datetime.date | None = None
) -> Task:
    task = Task(
        section=section, title=title, description_html=clean_rich_text(description), due_on=due_on
    )
    task.full_clean()
    task.save()
    return task


def do_update_task(
    *, task: Task, title: str, description: str, due_on: datetime.date | None
) -> Task:
    task.title, task.description_html, task.due_on = title, clean_rich_text(description), due_on
    task.full_clean()
    task.save(update_fields=["title", "description_html", "due_on"])
    return task


def do_delete_task(*, task: Task) -> None:
    task.delete()
