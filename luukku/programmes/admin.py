from django.contrib import admin

from luukku.programmes.models import (
    Page,
    PageFile,
    Programme,
    ProgrammeMembership,
    ProgrammeTemplate,
    Section,
    Task,
)


class MembershipInline(admin.TabularInline[ProgrammeMembership, Programme]):
    model = ProgrammeMembership
    fk_name = "programme"
    extra = 0
    raw_id_fields = ["user", "invited_by"]


class SectionInline(admin.TabularInline[Section, Programme]):
    model = Section
    extra = 0
    fields = ["position", "title", "opens_on"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin[Programme]):
    list_display = ["name", "organisation", "starts_on", "ends_on", "plan_unit"]
    list_filter = ["organisation", "plan_unit"]
    search_fields = ["name"]
    raw_id_fields = ["created_by"]
    inlines = [SectionInline, MembershipInline]


@admin.register(ProgrammeMembership)
class ProgrammeMembershipAdmin(admin.ModelAdmin[ProgrammeMembership]):
    list_display = ["user", "programme", "role", "joined_at"]
    list_filter = ["role", "programme__organisation"]
    search_fields = ["user__email", "user__display_name", "programme__name"]
    raw_id_fields = ["user", "invited_by", "programme"]


class PageInline(admin.TabularInline[Page, Section]):
    model = Page
    extra = 0
    fields = ["position", "title", "video_url"]


class TaskInline(admin.TabularInline[Task, Section]):
    model = Task
    extra = 0
    fields = ["title", "due_on"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin[Section]):
    list_display = ["title", "programme", "position", "opens_on"]
    list_filter = ["programme__organisation"]
    search_fields = ["title", "programme__name"]
    inlines = [PageInline, TaskInline]


@admin.register(Page)
class PageAdmin(admin.ModelAdmin[Page]):
    list_display = ["title", "section", "updated_at"]
    search_fields = ["title"]
    raw_id_fields = ["section"]


@admin.register(PageFile)
class PageFileAdmin(admin.ModelAdmin[PageFile]):
    list_display = ["original_name", "page", "content_type", "size", "uploaded_at"]
    raw_id_fields = ["page"]
    readonly_fields = ["content_type", "size"]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin[Task]):
    list_display = ["title", "section", "due_on"]
    raw_id_fields = ["section"]


@admin.register(ProgrammeTemplate)
class ProgrammeTemplateAdmin(admin.ModelAdmin[ProgrammeTemplate]):
    list_display = ["name", "organisation", "created_at"]
    list_filter = ["organisation"]
    raw_id_fields = ["created_by"]
