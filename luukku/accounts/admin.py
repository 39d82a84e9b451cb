"""Admin for people: installers create accounts and give organisation roles, through actions."""

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from luukku.accounts import actions
from luukku.accounts.models import OrganisationMembership, OrganisationRole, User

if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[Any]
else:
    _ModelAdmin = admin.ModelAdmin

# Who may use the Django admin, and whether the account works at all; the rest is the person's.
ACCESS_FIELDS = ["is_active", "is_staff", "is_superuser"]


@admin.register(User)
class UserAdmin(_ModelAdmin):
    """Accounts are created by e-mail (people sign in with magic links); never deleted here."""

    ordering = ["email"]
    list_display = ["email", "display_name", "is_staff", "is_active"]
    search_fields = ["email", "display_name"]
    list_filter = ["is_staff", "is_active"]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        if obj is None:
            return ["email", "display_name"]
        return ["email", "display_name", "language", "time_zone", "date_joined", *ACCESS_FIELDS]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:
            return []
        return ["email", "display_name", "language", "time_zone", "date_joined"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        if change:
            actions.do_set_account_access(
                user=obj, **{name: getattr(obj, name) for name in ACCESS_FIELDS}
            )
            return
        user, _created = actions.do_get_or_create_user(
            email=obj.email, display_name=obj.display_name
        )
        obj.pk = user.pk


@admin.register(OrganisationMembership)
class OrganisationMembershipAdmin(_ModelAdmin):
    """The only place an organisation's admins and staff are named."""

    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation"]
    list_select_related = ["user", "organisation"]
    search_fields = ["user__email", "user__display_name"]
    raw_id_fields = ["user"]
    fields = ["organisation", "user", "role"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["organisation", "user"] if obj else []

    def save_model(
        self, request: HttpRequest, obj: OrganisationMembership, form: Any, change: bool
    ) -> None:
        saved = actions.do_set_organisation_role(
            organisation=obj.organisation, user=obj.user, role=OrganisationRole(obj.role)
        )
        obj.pk = saved.pk

    def delete_model(self, request: HttpRequest, obj: OrganisationMembership) -> None:
        actions.do_remove_organisation_role(membership=obj)

    def delete_queryset(
        self, request: HttpRequest, queryset: QuerySet[OrganisationMembership]
    ) -> None:
        for membership in queryset:
            actions.do_remove_organisation_role(membership=membership)
