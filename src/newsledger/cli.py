"""The newsledger command line: thin wrappers, each ending in one library call.

The commands live in the ``cli_*`` modules by concern and register on one Typer ``app``; they are
imported here in the order ``--help`` lists them.
"""

from importlib import import_module

from newsledger.cli_common import app

for _module in ("cli_ingest", "cli_spark", "cli_ledger", "cli_publish", "cli_eval", "cli_serve"):
    import_module(f"newsledger.{_module}")

__all__ = ["app"]
