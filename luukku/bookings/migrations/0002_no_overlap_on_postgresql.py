"""On PostgreSQL, make overlapping sessions of one advisor impossible in the database.

An exclusion constraint over (advisor, [starts_at, busy_until)) for every booking that is
not cancelled. It needs btree_gist for the "=" on the advisor id. SQLite has no such
constraint; there the booking action's lock on the advisor row and SQLite's serialised
writes keep the same promise.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE bookings_booking ADD CONSTRAINT booking_no_overlap EXCLUDE USING gist (
    advisor_id WITH =, tstzrange(starts_at, busy_until, '[)') WITH &&
) WHERE (status <> 'cancelled');
"""
DROP = "ALTER TABLE bookings_booking DROP CONSTRAINT IF EXISTS booking_no_overlap;"


def add_constraint(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_constraint(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("bookings", "0001_initial")]

    operations = [migrations.RunPython(add_constraint, drop_constraint)]
