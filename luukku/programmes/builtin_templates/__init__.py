"""Programme templates that ship with Luukku, written in English and Finnish.

Each is plain data; `builtin_plan` turns one into the same plan format that saved
ProgrammeTemplate rows hold, so one code path creates programmes from either.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.html import escape

from luukku.programmes.builtin_templates import coaching, design_sprint

Text = dict[str, str]


@dataclass(frozen=True)
class BuiltinTemplate:
    key: str
    name: Text
    description: Text
    sections: list[dict[str, Any]]


BUILTIN_TEMPLATES = {
    template.key: template
    for template in (
        BuiltinTemplate("coaching-10-week", coaching.NAME, coaching.DESCRIPTION, coaching.SECTIONS),
        BuiltinTemplate(
            "design-sprint", design_sprint.NAME, design_sprint.DESCRIPTION, design_sprint.SECTIONS
        ),
    )
}


def template_language(language: str) -> str:
    """Finnish for Finnish speakers; everyone else (Swedish too, for now) gets English."""
    return "fi" if (language or "").lower().startswith("fi") else "en"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def builtin_plan(key: str, language: str) -> dict[str, Any]:
    """The plan of built-in template `key` in `language` (see actions.apply_plan for the format)."""
    lang = template_language(language)
    template = BUILTIN_TEMPLATES[key]
    sections = []
    for offset, section in enumerate(template.sections):
        task = section["task"]
        sections.append(
            {
                "title": section["title"][lang],
                "summary": section["summary"][lang],
                "opens_after": offset,
                "opens_after_days": 0,
                "pages": [
                    {
                        "title": page["title"][lang],
                        "body_html": _paragraphs(page["body"][lang]),
                        "video_url": "",
                    }
                    for page in section["pages"]
                ],
                "tasks": [
                    {
                        "title": task["title"][lang],
                        "description_html": _paragraphs(task["description"][lang]),
                        "due_after_days": task["due_after_days"],
                    }
                ],
            }
        )
    return {"version": 1, "sections": sections}


def builtin_choices(language: str) -> list[tuple[str, str]]:
    lang = template_language(language)
    return [(key, template.name[lang]) for key, template in BUILTIN_TEMPLATES.items()]
