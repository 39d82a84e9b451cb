"""The knowledge part of the HTTP API (mounted at /api/v1/knowledge/): the answer bot."""

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from luukku.core.queries import get_organisation_by_slug
from luukku.knowledge import queries

router = Router(tags=["knowledge"])


class SuggestionOut(Schema):
    article_id: int
    title: str
    score: float


class AnswerOut(Schema):
    answer: SuggestionOut | None
    choices: list[SuggestionOut]
    offer_chat: bool
    chat_url: str | None


@router.get("/{slug}/answer", response=AnswerOut, url_name="knowledge_answer")
def answer(request: HttpRequest, slug: str, q: str, language: str = "fi") -> queries.BotAnswer:
    """The bot's answer to a question: one confident article, or up to three choices."""
    organisation = get_organisation_by_slug(slug)
    if len(q) > 2000:
        raise HttpError(413, "The question is too long (2,000 characters at most).")
    return queries.answer(organisation, queries.language_or_default(language), q)
