from django import template

register = template.Library()


@register.filter
def minutes(seconds: int) -> float:
    """Seconds as minutes, for showing active time (format with floatformat)."""
    return (seconds or 0) / 60
