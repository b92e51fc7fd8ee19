"""Place filters by gazetteer containment: ``--place Iraq`` keeps Mosul's figures too.

A figure's location lies in a queried place when the gazetteer resolves both and the queried
place is the location itself, its first-level division or its country ("Mosul" lies in
"Nineveh" and in "Iraq"); a name the gazetteer does not know falls back to matching text ("a
location contains this text"), so no figure a text filter found is lost. The tests run in DuckDB
as two vectorised Python functions registered on each ledger connection (``register``), so the
CLI, the library and the web pages share one SQL condition (store._figure_filters); incidents
use the country test on their country, else their province or place
(incident_tables.incident_filters).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import duckdb
import pyarrow as pa
from duckdb.functional import PythonUDFType

from newsledger.extract.places import lookup_place, normalise_place, place_closure

WITHIN_SQL = "nl_places_within"
IN_COUNTRY_SQL = "nl_places_in_country"


@lru_cache(maxsize=65536)
def lies_within(location: str, query: str) -> bool:
    """Whether a location lies in (or is) the queried place, or contains the query's text."""
    if query.casefold() in location.casefold():
        return True
    inner, outer = lookup_place(location), lookup_place(query)
    if inner is None or outer is None:
        return False
    return normalise_place(outer.name) in place_closure(inner)


@lru_cache(maxsize=65536)
def lies_in_country(location: str, country: str) -> bool:
    """Whether a location lies in the country a name stands for ('Iraq', 'Iraqi Kurdistan')."""
    resolved = lookup_place(country)
    wanted = normalise_place(resolved.country if resolved else country)
    place = lookup_place(location)
    if place is None:
        return wanted in normalise_place(location)
    return normalise_place(place.country) == wanted


def _any_location(test: Callable[[str, str], bool]) -> Callable[[pa.Array, pa.Array], pa.Array]:
    """A vectorised test: does any location of each row pass ``test`` against its query."""

    def vectorised(locations: pa.Array, queries: pa.Array) -> pa.Array:
        rows = zip(locations.to_pylist(), queries.to_pylist(), strict=True)
        return pa.array([None if query is None
                          else any(test(name, query) for name in names or () if name)
                          for names, query in rows], pa.bool_())

    return vectorised


def register(con: duckdb.DuckDBPyConnection) -> None:
    """Define ``nl_places_within(locations, place)`` and ``nl_places_in_country(locations,
    country)`` on a connection: whether any of a figure's locations lies in the place."""
    defined = {name for (name,) in con.execute(
        "SELECT function_name FROM duckdb_functions() WHERE function_name LIKE 'nl_places_%'"
    ).fetchall()}
    for name, test in ((WITHIN_SQL, lies_within), (IN_COUNTRY_SQL, lies_in_country)):
        if name in defined:  # a second connection to a file this process has open shares them
            continue
        con.create_function(name, _any_location(test),
                            [duckdb.list_type(duckdb.sqltype("VARCHAR")),
                             duckdb.sqltype("VARCHAR")],
                            duckdb.sqltype("BOOLEAN"), type=PythonUDFType.ARROW,
                            side_effects=False)


__all__ = ["IN_COUNTRY_SQL", "WITHIN_SQL", "lies_in_country", "lies_within", "register"]
