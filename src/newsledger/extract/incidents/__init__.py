"""Incidents: event mentions, their type, date, place, parties and tolls, grouped per document."""

from newsledger.extract.incidents.event_mentions import cue_pattern
from newsledger.extract.incidents.event_types import classify_event, event_rules
from newsledger.extract.incidents.incident_parties import UNNAMED
from newsledger.extract.incidents.incidents import incident_line, incidents_from_scans

__all__ = [
    "UNNAMED",
    "classify_event",
    "cue_pattern",
    "event_rules",
    "incident_line",
    "incidents_from_scans",
]
