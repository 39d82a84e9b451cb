"""Pages for requesters: the contact form (signed in or not) and the private conversation."""

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from luukku.accounts.models import User, normalise_email
from luukku.accounts.queries import active_user
from luukku.core.files import file_response
from luukku.core.models import Organisation
from luukku.core.queries import get_organisation_by_slug
from luukku.core.ratelimit import ratelimit
from luukku.helpdesk import actions, queries
from luukku.helpdesk.forms import (
    BotSuspectedError,
    ContactForm,
    RatingForm,
    RequesterReplyForm,
    form_stamp,
)
from luukku.helpdesk.models import Attachment, Request, Status


def email_rate_key(group: str, request: HttpRequest) -> str:
    return normalise_email(request.POST.get("email", ""))


def _initial(request: HttpRequest) -> dict[str, str]:
    user = request.user
    if isinstance(user, User):
        return {"name": user.display_name, "email": user.email}
    return {}


@ratelimit(
    key="ip",
    rate=lambda group, request: settings.HELPDESK_FORM_IP_RATE,
    method="POST",
    block=True,
)
@ratelimit(
    key=email_rate_key,
    rate=lambda group, request: settings.HELPDESK_FORM_RATE,
    method="POST",
    block=True,
)
def contact(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_by_slug(slug)
    form = ContactForm(
        request.POST or None,
        request.FILES or None,
        organisation=organisation,
        initial=_initial(request),
    )
    if request.method == "POST":
        try:
            form.check_for_bots()
        except BotSuspectedError as suspicion:
            if str(suspicion) == "honeypot":
                # Look like success: a bot that learns it was caught just adapts.
                return redirect("helpdesk:sent", slug=slug)
            form.add_error(None, _("Please check your message and send it again."))
        else:
            if form.is_valid():
                _submit(request, organisation, form)
                return redirect("helpdesk:sent", slug=slug)
    if form.is_bound:
        # A fresh stamp, so that a person correcting a mistake is not timed from the start.
        data = request.POST.copy()
        data["shown"] = form_stamp()
        form.data = data
    context = {"organisation": organisation, "form": form}
    status = 400 if request.method == "POST" else 200
    if any(error.code == "too_large" for error in form.errors.as_data().get("attachment", [])):
        status = 413
    return render(request, "helpdesk/contact.html", context, status=status)


def _submit(request: HttpRequest, organisation: Organisation, form: ContactForm) -> Request:
    data = form.cleaned_data
    user = active_user(request.user)  # visitors send the form too
    return actions.do_submit_request(
        organisation=organisation,
        category=data["category"],
        name=data["name"],
        email=data["email"],
        subject=data["subject"],
        message=data["message"],
        user=user,
        attachment=data.get("attachment"),
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )


@require_safe
def sent(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_by_slug(slug)
    return render(request, "helpdesk/sent.html", {"organisation": organisation})


def conversation(request: HttpRequest, token: str) -> HttpResponse:
    """The requester's page: read the answers, answer back, rate after resolution."""
    help_request = queries.access_conversation(token)
    form = RequesterReplyForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if help_request.status == Status.CLOSED:
            status = 409
            form.add_error(None, _("This conversation is closed. Please send a new request."))
        elif form.is_valid():
            actions.do_add_requester_message(
                request=help_request,
                body=form.cleaned_data["body"],
                attachment=form.cleaned_data.get("attachment"),
            )
            return redirect("helpdesk:conversation", token=token)
        else:
            status = 400
    return _render_conversation(request, help_request, token, form, RatingForm(), status)


def _render_conversation(
    request: HttpRequest,
    help_request: Request,
    token: str,
    form: RequesterReplyForm,
    rating_form: RatingForm,
    status: int,
) -> HttpResponse:
    context = {
        "help_request": help_request,
        "token": token,
        "messages_list": queries.public_messages(help_request),
        "form": form,
        "rating_form": rating_form,
        "can_rate": help_request.status in (Status.RESOLVED, Status.CLOSED)
        and not hasattr(help_request, "rating"),
        "closed": help_request.status == Status.CLOSED,
    }
    return render(request, "helpdesk/conversation.html", context, status=status)


@require_POST
def rate(request: HttpRequest, token: str) -> HttpResponse:
    help_request = queries.access_conversation(token)
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _render_conversation(request, help_request, token, RequesterReplyForm(), form, 400)
    try:
        actions.do_rate(
            request=help_request,
            score=form.cleaned_data["score"],
            comment=form.cleaned_data["comment"],
        )
    except (actions.AlreadyRatedError, actions.NotResolvedError):
        form.add_error(None, _("This request cannot be rated now."))
        return _render_conversation(request, help_request, token, RequesterReplyForm(), form, 409)
    return redirect("helpdesk:conversation", token=token)


@require_safe
def conversation_attachment(request: HttpRequest, token: str, attachment_id: int) -> FileResponse:
    help_request = queries.access_conversation(token)
    return attachment_response(queries.access_attachment(help_request, attachment_id, staff=False))


def attachment_response(attachment: Attachment) -> FileResponse:
    return file_response(
        attachment.file,
        claimed_type=attachment.content_type,
        download_name=attachment.original_name,
    )
