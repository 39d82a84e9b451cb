"""Anonymous answers that stay anonymous against the database, not only against the pages.

The mechanism behind anonymous feedback, meant for every anonymous answer Luukku stores
(the question engine's anonymous surveys use it the same way). Threat model and reasons:
docs/anonymous-feedback.md. In short, PostgreSQL keeps transaction ids (`xmin`, `xmax`),
dead row versions and insertion order, so:

* **A right to answer is a signed token, not a row.** `issue_right` writes nothing, so no
  row shares a transaction (or a moment) with the booking or message it was issued for.
* **Spending the right and storing the answer are two transactions**, and neither stores
  the answer readably: `spend_right` records only a hash of the right's nonce;
  `add_to_pool` stores the answer sealed (AES-GCM under a key derived from SECRET_KEY) and
  padded to one fixed size, so a copy of the database shows neither its content nor length.
* **Answers reach their table only in batches**: `release_ready` takes each group that has
  at least `minimum` entries, shuffles them and hands them to the app's `store` in that
  order, in one transaction, so every released answer of a batch has the same `xmin`, the
  table's physical order is random, and a group's count grows in steps of `minimum` or more.

An app keeps two tables, subclasses of `SpentRightBase` and `PoolEntryBase`, and stores
only coarse facts (a group key such as calendar + advisor + month) in its answer table.
"""

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, models, transaction

# The least number of answers anyone may see, or link an answer to, at a time.
MIN_GROUP = 5
# Every sealed pool entry is exactly this long, whatever the answer's length.
SEALED_PLAINTEXT_BYTES = 64 * 1024
_NONCE_BYTES = 12


class RightGoneError(Exception):
    """The right was used already, has expired, or never existed (all look the same)."""


class SpentRightBase(models.Model):
    """A used right: the hash of its nonce only, kept until the right would have expired."""

    key_hash = models.CharField(max_length=64, unique=True)
    expires_on = models.DateField()

    class Meta:
        abstract = True


class PoolEntryBase(models.Model):
    """An answer waiting for its group to be big enough to release (sealed, fixed size).

    The random UUID key and the absence of any time column keep the arrival order out of
    the row; the group is the only thing readable.
    """

    id = models.UUIDField(primary_key=True, default=None, editable=False)
    group = models.CharField(max_length=200, db_index=True)
    sealed = models.BinaryField()

    class Meta:
        abstract = True


SpentRight = TypeVar("SpentRight", bound=SpentRightBase)
PoolEntry = TypeVar("PoolEntry", bound=PoolEntryBase)


@dataclass(frozen=True)
class Right:
    claims: dict[str, Any]
    key_hash: str
    expires_on: dt.date


def nonce_for(purpose: str, subject: str) -> str:
    """A right's nonce derived from what it was issued for (e.g. a booking's UID).

    The same subject always gets the same nonce, so a re-sent e-mail cannot buy a second
    answer; without SECRET_KEY nobody can tell which subject a spent nonce belonged to.
    """
    message = f"{purpose}:{subject}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def issue_right(purpose: str, claims: Mapping[str, Any], *, nonce: str, expires_on: dt.date) -> str:
    """A signed, one-time right to answer, carrying what the answer may keep. Writes nothing."""
    body = {"c": dict(claims), "n": nonce, "e": expires_on.isoformat()}
    signed = signing.dumps(body, salt=f"luukku.anonymity.right:{purpose}", compress=True)
    # Only letters, digits, - and _: the link survives mail clients and URL patterns.
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def open_right(purpose: str, token: str, *, today: dt.date) -> Right:
    """Check a right's signature and expiry (not whether it was spent: `spend_right` does)."""
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        body = signing.loads(signed, salt=f"luukku.anonymity.right:{purpose}")
        expires_on = dt.date.fromisoformat(body["e"])
        claims, nonce = dict(body["c"]), str(body["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, binascii.Error) as error:
        raise RightGoneError from error
    if expires_on < today:
        raise RightGoneError
    key_hash = hashlib.sha256(f"{purpose}:{nonce}".encode()).hexdigest()
    return Right(claims=claims, key_hash=key_hash, expires_on=expires_on)


def is_spent(model: type[SpentRightBase], right: Right) -> bool:
    return bool(model._default_manager.filter(key_hash=right.key_hash).exists())


def spend_right(model: type[SpentRightBase], right: Right) -> None:
    """Use the right up, in a transaction of its own (committed before the answer is kept).

    Call it outside any transaction: its point is to share none with the answer.
    """
    try:
        with transaction.atomic():
            model._default_manager.create(key_hash=right.key_hash, expires_on=right.expires_on)
    except IntegrityError as error:  # used already, perhaps by a concurrent request
        raise RightGoneError from error


def forget_expired_rights(model: type[SpentRightBase], *, today: dt.date) -> int:
    """Expired rights are refused anyway, so their spent marks can go."""
    deleted, _rows = model._default_manager.filter(expires_on__lt=today).delete()
    return int(deleted)


def add_to_pool(model: type[PoolEntryBase], *, group: str, payload: Mapping[str, Any]) -> None:
    """Keep an answer sealed until its group is released, in a transaction of its own."""
    sealed = seal(model._meta.label, payload)
    with transaction.atomic():
        model._default_manager.create(id=uuid.uuid4(), group=group, sealed=sealed)


def release_ready(
    model: type[PoolEntryBase],
    *,
    store: Callable[[str, list[dict[str, Any]]], None],
    minimum: int = MIN_GROUP,
) -> int:
    """Release every group with at least `minimum` waiting answers; return how many went.

    Per group, one transaction: lock its entries (skipping any another sweeper holds),
    unseal, shuffle, `store(group, payloads)` in the shuffled order, delete the entries.
    """
    released = 0
    for group in _groups_with_at_least(model, minimum):
        with transaction.atomic():
            entries = list(
                model._default_manager.select_for_update(skip_locked=True).filter(group=group)
            )
            if len(entries) < minimum:
                continue
            payloads = [unseal(model._meta.label, bytes(entry.sealed)) for entry in entries]
            secrets.SystemRandom().shuffle(payloads)
            store(group, payloads)
            model._default_manager.filter(pk__in=[entry.pk for entry in entries]).delete()
            released += len(payloads)
    return released


def regroup(model: type[PoolEntryBase], *, group: str, into: str) -> int:
    """Move a group's waiting answers into a coarser group (e.g. without the advisor)."""
    return int(model._default_manager.filter(group=group).update(group=into))


def waiting_groups(model: type[PoolEntryBase]) -> dict[str, int]:
    rows = model._default_manager.values("group").annotate(count=models.Count("pk"))
    return {row["group"]: row["count"] for row in rows}


def discard(model: type[PoolEntryBase], *, group: str) -> int:
    """Drop answers whose group can never reach the minimum: unread, as promised."""
    deleted, _rows = model._default_manager.filter(group=group).delete()
    return int(deleted)


def _groups_with_at_least(model: type[PoolEntryBase], minimum: int) -> list[str]:
    return sorted(group for group, count in waiting_groups(model).items() if count >= minimum)


def _key(label: str) -> bytes:
    return hmac.new(
        settings.SECRET_KEY.encode(), f"luukku.anonymity.pool:{label}".encode(), hashlib.sha256
    ).digest()


def seal(label: str, payload: Mapping[str, Any]) -> bytes:
    """AES-GCM over the payload padded to SEALED_PLAINTEXT_BYTES; the label is bound in."""
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    if len(data) + 4 > SEALED_PLAINTEXT_BYTES:
        raise ValueError("The answer is too long to pool.")
    padded = len(data).to_bytes(4, "big") + data
    padded += b"\0" * (SEALED_PLAINTEXT_BYTES - len(padded))
    nonce = os.urandom(_NONCE_BYTES)
    return nonce + AESGCM(_key(label)).encrypt(nonce, padded, label.encode())


def unseal(label: str, sealed: bytes) -> dict[str, Any]:
    nonce, ciphertext = sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:]
    padded = AESGCM(_key(label)).decrypt(nonce, ciphertext, label.encode())
    length = int.from_bytes(padded[:4], "big")
    result: dict[str, Any] = json.loads(padded[4 : 4 + length])
    return result


def month_of(day: dt.date) -> dt.date:
    """The only time an anonymous answer keeps."""
    return day.replace(day=1)
