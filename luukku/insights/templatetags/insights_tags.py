"""Small formatting filters of the analytics templates."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def percent(value: float) -> str:
    """0.6612 -> '66.1 %' (localised decimal separator)."""
    return f"{number_format(round(float(value) * 100, 1), 1)} %"
