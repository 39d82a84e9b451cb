from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from luukku.accounts.models import OrganisationMembership, User


class OrganisationMembershipInline(admin.TabularInline[OrganisationMembership, User]):
    model = OrganisationMembership
    extra = 0


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_staff", "is_active"]
    search_fields = ["email", "display_name"]
    list_filter = ["is_staff", "is_active"]
    inlines = [OrganisationMembershipInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("display_name", "language", "time_zone")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
