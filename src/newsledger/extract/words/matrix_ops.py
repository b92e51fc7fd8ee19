"""The pipeline's matrix products through numpy's BLAS instead of thinc's bundled BLIS.

thinc's ``NumpyOps`` multiplies matrices with the BLIS it bundles. Where that build has no kernel
for the processor (the 2-core AMD EPYC of the dev machine), it runs at about a third of the speed
of the OpenBLAS that numpy ships, on one thread (N x 288 by 288 x 288, the products of the
tok2vec layers, which are most of the parse: 5.6 against 1.9 microseconds per row). Each layer is
given ``NumpyOps(use_blis=False)``, whose ``gemm`` is ``numpy.dot``; every other operation (maxout,
hashing, the parser's own loop) is the same code as before. The sums may round differently in the
last bit; no parse of the test corpora changed (``extract --format jsonl`` output identical).

Extraction runs one process per core, so numpy's BLAS is asked for one thread
(``OPENBLAS_NUM_THREADS``, set in ``newsledger/__init__.py`` before numpy loads): threads of its
own would only compete with the other workers, and on small products cost more than they save.
"""

from __future__ import annotations

from spacy.language import Language
from thinc.api import NumpyOps


def numpy_products(nlp: Language) -> Language:
    """``nlp`` with the layers of its trained components multiplying through ``numpy.dot``."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if isinstance(layer.ops, NumpyOps):
                layer.ops = ops
    return nlp


__all__ = ["numpy_products"]
