"""Read-only admin of programmes: members, plans and templates change in the programme pages."""

from django.contrib import admin

from luukku.core.admin import ReadOnlyAdmin, ReadOnlyInline
from luukku.programmes.models import (
    Page,
    PageFile,
    Programme,
    ProgrammeMembership,
    ProgrammeTemplate,
    Section,
    Task,
)


class MembershipInline(ReadOnlyInline):
    model = ProgrammeMembership
    fk_name = "programme"
    fields = ["user", "role", "joined_at", "invited_by"]


class SectionInline(ReadOnlyInline):
    model = Section
    fields = ["position", "title", "opens_on"]


@admin.register(Programme)
class ProgrammeAdmin(ReadOnlyAdmin):
    list_display = ["name", "organisation", "starts_on", "ends_on", "plan_unit"]
    list_filter = ["organisation", "plan_unit"]
    search_fields = ["name"]
    inlines = [SectionInline, MembershipInline]


@admin.register(ProgrammeMembership)
class ProgrammeMembershipAdmin(ReadOnlyAdmin):
    list_display = ["user", "programme", "role", "joined_at"]
    list_filter = ["role", "programme__organisation"]
    list_select_related = ["user", "programme"]
    search_fields = ["user__email", "user__display_name", "programme__name"]


class PageInline(ReadOnlyInline):
    model = Page
    fields = ["position", "title", "video_url"]


class TaskInline(ReadOnlyInline):
    model = Task
    fields = ["title", "due_on"]


@admin.register(Section)
class SectionAdmin(ReadOnlyAdmin):
    list_display = ["title", "programme", "position", "opens_on"]
    list_filter = ["programme__organisation"]
    search_fields = ["title", "programme__name"]
    inlines = [PageInline, TaskInline]


@admin.register(Page)
class PageAdmin(ReadOnlyAdmin):
    list_display = ["title", "section", "updated_at"]
    search_fields = ["title"]


@admin.register(PageFile)
class PageFileAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "page", "content_type", "size", "uploaded_at"]


@admin.register(Task)
class TaskAdmin(ReadOnlyAdmin):
    list_display = ["title", "section", "due_on"]


@admin.register(ProgrammeTemplate)
class ProgrammeTemplateAdmin(ReadOnlyAdmin):
    list_display = ["name", "organisation", "created_at"]
    list_filter = ["organisation"]
