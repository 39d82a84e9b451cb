from django.contrib import admin

from luukku.core.models import LocalMail, OpeningPeriod, Organisation, Schedule, Service, Team


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "slug", "time_zone"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin[Team]):
    list_display = ["name", "organisation"]
    list_filter = ["organisation"]


@admin.register(LocalMail)
class LocalMailAdmin(admin.ModelAdmin[LocalMail]):
    list_display = ["subject", "to_addresses", "sent_at"]
    search_fields = ["subject", "to_addresses"]
    readonly_fields = [field.name for field in LocalMail._meta.fields]


class OpeningPeriodInline(admin.TabularInline[OpeningPeriod, Schedule]):
    model = OpeningPeriod
    extra = 1


@admin.register(Schedule)
class ScheduleAdmin(admin.ModelAdmin[Schedule]):
    list_display = ["name", "organisation", "time_zone"]
    list_filter = ["organisation"]
    inlines = [OpeningPeriodInline]


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin[Service]):
    list_display = ["name", "kind", "organisation", "published", "position"]
    list_filter = ["organisation", "kind"]
