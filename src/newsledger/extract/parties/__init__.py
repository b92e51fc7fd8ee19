"""Parties: the actors a sentence names and who a statement is attributed to."""

from newsledger.extract.parties.actors import (
    ActorMention,
    actor_kind,
    actor_table,
    canonical_actor,
    find_actors,
    un_bodies,
)
from newsledger.extract.parties.attribution import (
    Attribution,
    attribution_for,
    find_attributions,
    from_head,
    is_dateline_dash,
    named_source,
)

__all__ = [
    "ActorMention",
    "Attribution",
    "actor_kind",
    "actor_table",
    "attribution_for",
    "canonical_actor",
    "find_actors",
    "find_attributions",
    "from_head",
    "is_dateline_dash",
    "named_source",
    "un_bodies",
]
