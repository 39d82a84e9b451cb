"""Background work for the knowledge base."""

from django_tasks import task


@task()
def warm_index(*, organisation_id: int, language: str) -> None:
    """Build the changed index now, so that the next question does not wait for it."""
    from luukku.knowledge.index import get_index

    get_index(organisation_id, language)
