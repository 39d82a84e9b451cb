from django.contrib import admin

from luukku.core.models import LocalMail, Organisation, Team


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "time_zone"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation"]
    list_filter = ["organisation"]


@admin.register(LocalMail)
class LocalMailAdmin(admin.ModelAdmin):
    list_display = ["subject", "to_addresses", "sent_at"]
    search_fields = ["subject", "to_addresses"]
    readonly_fields = [field.name for field in LocalMail._meta.fields]
