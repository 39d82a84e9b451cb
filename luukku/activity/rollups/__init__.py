"""Participation rollups: per member, programme and local day (see engine and counting)."""

from luukku.activity.rollups.engine import (
    rebuild_changed_zones,
    rebuild_rollups,
    roll_up_new_events,
)

__all__ = ["rebuild_changed_zones", "rebuild_rollups", "roll_up_new_events"]
