"""``newsledger serve``: a local web application to read and review the ledger (issue 13).

``create_app`` builds the FastAPI application over one ledger file; ``app.py`` wires the pages
(``pages.py``), the JSON API (``api.py``) and the review actions (``review.py``) together.
"""

from newsledger.web.app import create_app
from newsledger.web.state import Settings

__all__ = ["Settings", "create_app"]
