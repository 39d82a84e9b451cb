"""The Django admin cannot write past an action: every ModelAdmin is read-only unless listed.

An admin class on this list may add, change or delete only through `save_model`,
`delete_model` and `delete_queryset` overrides that call actions; every other one (and every
inline anywhere) must refuse all three, so a new admin class fails here until it is one or
the other.
"""

from typing import Any

import pytest
from django.contrib import admin
from django.contrib.admin.options import BaseModelAdmin, InlineModelAdmin, ModelAdmin
from django.contrib.auth import get_user_model
from django.test import RequestFactory

# model label -> why it may write (always through the action named).
ACTION_BACKED = {
    "core.Organisation": "created by do_create_organisation, changed by do_update_organisation",
    "core.Schedule": "the week with its periods by do_save_schedule (split days)",
    "accounts.User": "created by do_get_or_create_user, access by do_set_account_access",
    "accounts.OrganisationMembership": "do_set_organisation_role, do_remove_organisation_role",
    "knowledge.ArticleCategory": "created by do_create_article_category",
    "knowledge.Article": "do_save_article and do_delete_article (index rebuild)",
}
# Not domain rows: Django's permission groups (Luukku's roles are organisation roles).
NOT_DOMAIN = {"auth.Group"}


def _superuser_request() -> Any:
    request = RequestFactory().get("/admin/")
    request.user = get_user_model()(is_superuser=True, is_staff=True, is_active=True)
    return request


def _writes(model_admin: BaseModelAdmin[Any], request: Any) -> dict[str, bool]:
    if isinstance(model_admin, InlineModelAdmin):
        add = model_admin.has_add_permission(request, None)
    else:
        add = model_admin.has_add_permission(request)
    return {
        "add": add,
        "change": model_admin.has_change_permission(request, None),
        "delete": model_admin.has_delete_permission(request, None),
    }


def _overrides(model_admin: ModelAdmin[Any], method: str) -> bool:
    return getattr(type(model_admin), method) is not getattr(ModelAdmin, method)


def _registered() -> list[tuple[str, ModelAdmin[Any]]]:
    return [(model._meta.label, model_admin) for model, model_admin in admin.site._registry.items()]


@pytest.mark.parametrize(("label", "model_admin"), _registered(), ids=lambda v: str(v))
def test_every_admin_is_read_only_or_writes_through_actions(
    label: str, model_admin: ModelAdmin[Any]
) -> None:
    if label in NOT_DOMAIN:
        return
    request = _superuser_request()
    writes = _writes(model_admin, request)
    if label not in ACTION_BACKED:
        assert writes == {"add": False, "change": False, "delete": False}, label
    else:
        assert any(writes.values()), f"{label} is read-only: take it off ACTION_BACKED"
        if writes["add"] or writes["change"]:
            assert _overrides(model_admin, "save_model"), label
        if writes["delete"]:
            assert _overrides(model_admin, "delete_model"), label
            assert _overrides(model_admin, "delete_queryset"), label
    for inline_class in model_admin.inlines:
        inline = inline_class(model_admin.model, admin.site)
        if label in ACTION_BACKED and _overrides(model_admin, "save_related"):
            continue  # the inline's rows are saved by the admin's action, not by the formset
        assert _writes(inline, request) == {"add": False, "change": False, "delete": False}, (
            f"{label}: inline {inline_class.__name__} saves rows without an action"
        )


def test_the_allow_list_names_only_registered_models() -> None:
    labels = {label for label, _admin in _registered()}
    assert set(ACTION_BACKED) | NOT_DOMAIN <= labels


def test_a_read_only_admin_shows_every_field_read_only() -> None:
    from luukku.core.admin import ServiceAdmin
    from luukku.core.models import Service

    shown = ServiceAdmin(Service, admin.site).get_readonly_fields(_superuser_request())
    assert set(shown) == {field.name for field in Service._meta.fields}


def test_every_admin_list_and_add_page_opens(admin_client: Any) -> None:
    for model, _model_admin in admin.site._registry.items():
        opts = model._meta
        listing = admin_client.get(f"/admin/{opts.app_label}/{opts.model_name}/")
        adding = admin_client.get(f"/admin/{opts.app_label}/{opts.model_name}/add/")
        assert listing.status_code == 200, opts.label
        assert adding.status_code in {200, 403}, opts.label
