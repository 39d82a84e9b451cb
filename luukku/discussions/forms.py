import html
import re

from django import forms
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from luukku.discussions.actions import MAX_TITLE_LENGTH


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE_LENGTH)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10_000,
        help_text=_("Mention a member with @ and their name, e.g. @Maija."),
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10_000,
        help_text=_("Mention a member with @ and their name, e.g. @Maija."),
    )


def html_to_plain_text(body_html: str) -> str:
    """Back to the textarea's plain text: paragraphs and line breaks kept, tags dropped."""
    text = re.sub(r"<br\s*/?>", "\n", body_html)
    text = re.sub(r"</p>\s*", "\n\n", text)
    return html.unescape(strip_tags(text)).strip()
