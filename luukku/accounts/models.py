"""People, their organisation roles and the one-time links they sign in with."""

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luukku.core.models import Organisation, validate_time_zone


class UserManager(BaseUserManager["User"]):
    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "User":
        user = self.model(email=normalise_email(email), **fields)
        if password:
            user.set_password(password)
        else:
            # Most people never set a password: they sign in with a magic link.
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


def normalise_email(email: str) -> str:
    """Addresses are compared case-insensitively; we store them lower-cased."""
    return email.strip().lower()


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("name"), max_length=150, blank=True)
    language = models.CharField(_("language"), max_length=5, blank=True, choices=settings.LANGUAGES)
    time_zone = models.CharField(
        _("time zone"), max_length=64, blank=True, validators=[validate_time_zone]
    )
    is_staff = models.BooleanField(
        _("installation staff"),
        default=False,
        help_text=_("May use the Django admin and the local mailbox."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.display_name or self.email

    @property
    def first_name(self) -> str:
        return (self.display_name or self.email.split("@")[0]).split()[0]


class OrganisationRole(models.TextChoices):
    ADMIN = "admin", _("Admin")
    STAFF = "staff", _("Staff")


class OrganisationMembership(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="organisation_roles")
    role = models.CharField(_("role"), max_length=10, choices=OrganisationRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation role")
        verbose_name_plural = _("organisation roles")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_role_per_org_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.role}"


class LinkPurpose(models.TextChoices):
    SIGN_IN = "sign_in", _("Sign-in")
    INVITATION = "invitation", _("Invitation")


class SignInLink(models.Model):
    """A one-time sign-in link. Only a hash of the secret is stored.

    The secret itself is derived from `nonce` and the installation's SECRET_KEY, so the
    e-mail task can be given the link's id instead of the secret (task arguments sit in
    the task table), and a copy of the database alone does not yield working links.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sign_in_links")
    token_hash = models.CharField(max_length=64, unique=True)
    nonce = models.CharField(max_length=64, blank=True)
    # Set when a worker takes the e-mail on, so that a doubled worker sends it once.
    emailed_at = models.DateTimeField(null=True, blank=True)
    purpose = models.CharField(max_length=12, choices=LinkPurpose.choices)
    next_path = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self) -> str:
        return f"{self.purpose} link for {self.user}"
