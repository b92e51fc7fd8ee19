"""pyspark's Python worker daemon, started with newsledger's model and tables already loaded.

pyspark forks each Python worker of an executor from one daemon process. Loading the spaCy model,
the gazetteer and the other tables in the daemon before it forks means they are built once per
executor, not once per core, and the workers share their memory pages (as ``extract_all``'s
worker processes do). ``spark_session`` names this module in ``spark.python.daemon.module``.
"""

from __future__ import annotations

import sys
from contextlib import redirect_stdout

from pyspark import daemon

from newsledger.pipeline import load_tables


def main() -> None:
    """Load the tables, then run pyspark's daemon unchanged."""
    # The daemon's standard output carries its port number to the JVM: nothing else may go there.
    with redirect_stdout(sys.stderr):
        load_tables()
    daemon.manager()


if __name__ == "__main__":
    main()
