"""Knowledge base: articles per organisation, category and language; what the bot solved."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from luukku.core.models import Organisation


class Language(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")


class ArticleCategory(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="article_categories"
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("article category")
        verbose_name_plural = _("article categories")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="articles"
    )
    category = models.ForeignKey(
        ArticleCategory,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("category"),
    )
    language = models.CharField(_("language"), max_length=2, choices=Language)
    title = models.CharField(_("title"), max_length=200)
    questions = models.TextField(
        _("question variants"),
        blank=True,
        help_text=_("One per line: the ways people ask this question."),
    )
    body = models.TextField(_("answer"))
    published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["title"]
        indexes = [
            models.Index(
                fields=["organisation", "language", "published", "updated_at"],
                name="kb_article_index_state",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def question_list(self) -> list[str]:
        return [line.strip() for line in self.questions.splitlines() if line.strip()]


class Deflection(models.Model):
    """A suggestion that solved someone's question: no request was needed.

    Only the article and the moment are kept, not what was typed or who typed it.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="deflections"
    )
    article = models.ForeignKey(
        Article, on_delete=models.SET_NULL, null=True, related_name="deflections"
    )
    language = models.CharField(max_length=2, choices=Language)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["organisation", "created_at"], name="kb_deflection_org")]

    def __str__(self) -> str:
        return f"{self.article_id} @ {self.created_at}"
