"""Secrets in links (sign-in, conversation, manage and feedback links): only hashes are stored."""

import hashlib


def hash_token(raw_token: str) -> str:
    """What is stored in place of a link's secret: its SHA-256, hex (64 characters).

    A plain hash is enough: the secrets are long random values, not guessable passwords,
    so a copy of the database gives nobody a working link.
    """
    return hashlib.sha256(raw_token.encode()).hexdigest()
