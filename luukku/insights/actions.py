"""Writes for insights: the organisation's analytics setting."""

from luukku.core.models import Organisation


def do_set_pseudonymise_analytics(*, organisation: Organisation, pseudonymise: bool) -> None:
    """Turn pseudonymous analytics on or off for the whole organisation."""
    organisation.pseudonymise_analytics = pseudonymise
    organisation.save(update_fields=["pseudonymise_analytics"])
