"""Input that no layer below can store or compute with is refused here, once, with a 4xx.

PostgreSQL refuses NUL characters in text, no database can encode a lone surrogate
("\\ud800" is valid JSON but not UTF-8), a deeply nested JSON document exhausts the
parser's recursion, and an integer beyond 64 bits overflows every database column and
OFFSET. Each used to surface as a 500 from wherever the value happened to land; the API's
parser and the tracking ingest call `loads_json`, and anything else with text calls
`check_text`.
"""

import json
import re
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse

MAX_JSON_DEPTH = 32
INT64 = 2**63 - 1
# Lone (unpaired) UTF-16 surrogates: what json.loads gives for "\ud800" with no partner.
SURROGATE = re.compile("[\ud800-\udfff]")
DIGITS = re.compile(r"[+-]?\d+")


class BadInputError(ValueError):
    """Input no layer below can handle; `code` goes into the API's {"error": code}."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


def check_text(value: str) -> None:
    if "\x00" in value:
        raise BadInputError("invalid_text", "Text may not contain NUL (U+0000) characters.")
    if SURROGATE.search(value):
        raise BadInputError("invalid_text", "Text may not contain unpaired UTF-16 surrogates.")


def check_integer(value: int) -> None:
    if not -INT64 <= value <= INT64:
        raise BadInputError("out_of_range", "Numbers must fit in 64 bits.")


def check_query_value(value: str) -> None:
    """A query or path value: text rules, and a whole number must fit in 64 bits."""
    check_text(value)
    if DIGITS.fullmatch(value.strip()) and len(value) > 18:
        check_integer(int(value))


def check_json_value(data: Any, *, max_depth: int = MAX_JSON_DEPTH) -> None:
    """Walk a parsed document without recursion: depth, text and integer rules."""
    pending: list[tuple[Any, int]] = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict | list):
            if depth > max_depth:
                raise BadInputError(
                    "too_deep", f"JSON may be nested at most {max_depth} levels deep."
                )
            children = value.items() if isinstance(value, dict) else enumerate(value)
            for key, child in children:
                if isinstance(key, str):
                    check_text(key)
                pending.append((child, depth + 1))
        elif isinstance(value, str):
            check_text(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            check_integer(value)


def loads_json(body: bytes | str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """json.loads that raises BadInputError (never RecursionError) and checks the result."""
    try:
        data = json.loads(body)
    except RecursionError as error:
        raise BadInputError(
            "too_deep", f"JSON may be nested at most {max_depth} levels deep."
        ) from error
    except (ValueError, UnicodeDecodeError) as error:
        raise BadInputError("invalid_json", "The body is not valid JSON.") from error
    check_json_value(data, max_depth=max_depth)
    return data


class RefuseUnstorableQueryMiddleware:
    """Pages, like the API, refuse query strings no layer below can store or compare.

    Form bodies need no such check: Django's CharField refuses NUL itself, and form decoding
    replaces lone surrogates. A query string reaches views' filters and searches unchecked.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            check_text(request.path)
            for _name, values in request.GET.lists():
                for value in values:
                    check_text(value)
        except BadInputError as error:
            return JsonResponse({"error": error.code, "detail": error.detail}, status=400)
        return self.get_response(request)
