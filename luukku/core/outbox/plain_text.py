"""Plain-text e-mail templates, rendered without HTML autoescaping.

A text/plain body is not HTML: "Fees & grants" must arrive as typed, not as
"Fees &amp; grants". Every builder renders its text templates through this one engine, a
copy of the site's template engine with autoescape off, so no template has to remember
`{% autoescape off %}` and none can forget it. HTML parts are built separately, escaped.
"""

import functools
from typing import Any

from django.template import Context, Engine, engines


@functools.cache
def _plain_engine() -> Engine:
    site = engines["django"].engine  # type: ignore[attr-defined]  # DjangoTemplates' engine
    if not isinstance(site, Engine):
        raise TypeError("the django template backend has no Engine")
    return Engine(
        dirs=site.dirs,
        loaders=site.loaders,
        libraries=site.libraries,
        builtins=[name for name in site.builtins if name not in Engine.default_builtins],
        debug=site.debug,
        string_if_invalid=site.string_if_invalid,
        file_charset=site.file_charset,
        autoescape=False,
    )


def render_plain_text(template_name: str, context: dict[str, Any]) -> str:
    """The template rendered as plain text (no escaping), in the active language."""
    return _plain_engine().get_template(template_name).render(Context(context, autoescape=False))


def render_plain_subject(template_name: str, context: dict[str, Any]) -> str:
    """A subject template on one line (whitespace and line breaks collapsed)."""
    return " ".join(render_plain_text(template_name, context).split())
