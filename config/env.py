"""Typed readers for environment variables.

Every setting Luukku reads from the environment goes through these helpers, so a
wrong value fails loudly at start-up with the variable's name instead of deep in a request.
"""

import ipaddress
import os
import secrets
from pathlib import Path


class ConfigError(Exception):
    """Raised when an environment variable holds a value we cannot use."""


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from error


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_networks(name: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """Comma-separated CIDRs or single addresses, e.g. "10.0.0.0/8,::1"."""
    try:
        return [ipaddress.ip_network(item, strict=False) for item in env_list(name, [])]
    except ValueError as error:
        raise ConfigError(f"{name} must list addresses or CIDRs: {error}") from error


def read_or_create_secret(path: Path) -> str:
    """Return the secret stored at `path`, creating it on first use.

    The embedded default must work with no configuration, yet a secret key
    baked into the code would be shared by every installation.
    """
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(50)
    path.write_text(secret)
    path.chmod(0o600)
    return secret


def email_settings(url: str) -> dict[str, object]:
    """Translate EMAIL_URL into Django's e-mail settings.

    `mailbox:` (the default) keeps messages in the local mailbox that staff read at
    /mailbox/; `smtp://user:password@host:port` sends for real, `smtp+tls://` adds
    STARTTLS and `smtps://` implicit TLS; `console:` prints; `locmem:` is for tests.
    """
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url or "mailbox:")
    scheme = parts.scheme
    simple = {
        "mailbox": "luukku.core.mailbox.MailboxBackend",
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
    }
    if scheme in simple:
        return {"EMAIL_BACKEND": simple[scheme]}
    if scheme not in {"smtp", "smtp+tls", "smtps"}:
        raise ConfigError(
            f"EMAIL_URL scheme must be mailbox, smtp, smtp+tls, smtps or console: {url!r}"
        )
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if scheme == "smtps" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": scheme == "smtp+tls",
        "EMAIL_USE_SSL": scheme == "smtps",
        "EMAIL_TIMEOUT": 20,
    }
