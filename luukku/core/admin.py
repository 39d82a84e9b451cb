"""The admin looks; it writes only through actions.

Every ModelAdmin in the project derives from `ReadOnlyAdmin` (no add, change or delete, every
field shown read-only) unless it is one of the few that override `save_model`/`delete_model` to
call an action; those are listed in `luukku/core/tests/test_admin_read_only.py`. A plain
editable ModelAdmin would save rows past the rules actions keep (e.g. a programme's last coach).
"""

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.http import HttpRequest

from luukku.core import actions
from luukku.core.models import LocalMail, OpeningPeriod, Organisation, Schedule, Service, Team

if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[Any]
    _TabularInline = admin.TabularInline[Any, Any]
else:
    _ModelAdmin = admin.ModelAdmin
    _TabularInline = admin.TabularInline


def _all_fields(model_admin: "ReadOnlyAdmin | ReadOnlyInline") -> list[str]:
    opts = model_admin.model._meta
    return [field.name for field in [*opts.fields, *opts.many_to_many]]


class ReadOnlyAdmin(_ModelAdmin):
    """Staff can list and open rows; changes go through the app's pages and actions."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return _all_fields(self)


class ReadOnlyInline(_TabularInline):
    """Related rows shown on a read-only page; they can be neither added, changed nor removed."""

    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return _all_fields(self)


@admin.register(Organisation)
class OrganisationAdmin(_ModelAdmin):
    """Installers create organisations here (nowhere else); deleting one is never offered."""

    list_display = ["name", "slug", "time_zone"]
    fields = ["name", "slug", "time_zone", "brand_colour", "pseudonymise_analytics"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # The slug is in links people hold; pseudonymising is the admins' choice in insights.
        return ["slug", "pseudonymise_analytics"] if obj else ["pseudonymise_analytics"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Organisation, form: Any, change: bool) -> None:
        if change:
            actions.do_update_organisation(
                organisation=obj,
                name=obj.name,
                time_zone=obj.time_zone,
                brand_colour=obj.brand_colour,
            )
            return
        created = actions.do_create_organisation(
            name=obj.name, slug=obj.slug, time_zone=obj.time_zone
        )
        obj.pk = created.pk


@admin.register(Team)
class TeamAdmin(ReadOnlyAdmin):
    list_display = ["name", "organisation"]
    list_filter = ["organisation"]


@admin.register(LocalMail)
class LocalMailAdmin(ReadOnlyAdmin):
    list_display = ["subject", "to_addresses", "sent_at"]
    search_fields = ["subject", "to_addresses"]


class OpeningPeriodInline(_TabularInline):
    """Edited here only as part of the whole week, which ScheduleAdmin saves with the action."""

    model = OpeningPeriod
    extra = 1


@admin.register(Schedule)
class ScheduleAdmin(_ModelAdmin):
    """Weeks with split days (a lunch break) are edited here; the hours page takes one a day."""

    list_display = ["name", "organisation", "time_zone"]
    list_filter = ["organisation"]
    inlines = [OpeningPeriodInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["organisation"] if obj else []

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # services and team desks point at it

    def save_model(self, request: HttpRequest, obj: Schedule, form: Any, change: bool) -> None:
        """Nothing yet: the week is saved with its periods in save_related, in one action."""

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        schedule = form.instance
        periods = [
            (row["weekday"], row["opens"], row["closes"])
            for formset in formsets
            for row in formset.cleaned_data
            if row and not row.get("DELETE")
        ]
        saved = actions.do_save_schedule(
            organisation=schedule.organisation,
            name=schedule.name,
            time_zone=schedule.time_zone,
            periods=periods,
            schedule=schedule if change else None,
        )
        schedule.pk = saved.pk
        for formset in formsets:
            # The admin's history message reads these, which only formset.save() would set.
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []


@admin.register(Service)
class ServiceAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "organisation", "published", "position"]
    list_filter = ["organisation", "kind"]
