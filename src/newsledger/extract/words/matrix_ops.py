"""The pipeline's layers on inference-only thinc ops: numpy's BLAS for matrix products, numpy
for maxout.

thinc's ``NumpyOps`` multiplies matrices with the BLIS it bundles. Where that build has no kernel
for the processor (the 2-core AMD EPYC of the dev machine), it runs at about a third of the speed
of the OpenBLAS that numpy ships, on one thread (N x 288 by 288 x 288, the products of the
tok2vec layers, which are most of the parse: 5.6 against 1.9 microseconds per row). Each layer is
given ``InferenceOps``, a ``NumpyOps(use_blis=False)`` whose ``gemm`` is ``numpy.dot``; every
other operation (hashing, layer norm, the parser's own loop) is the same code as before, except
``maxout`` (below). The sums may round differently in the last bit; no parse of the test corpora
changed (``extract --format jsonl`` output identical).

Extraction runs one process per core, so numpy's BLAS is asked for one thread
(``OPENBLAS_NUM_THREADS``, set in ``newsledger/__init__.py`` before numpy loads): threads of its
own would only compete with the other workers, and on small products cost more than they save.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.language import Language
from thinc.api import NumpyOps


class InferenceOps(NumpyOps):
    """``NumpyOps(use_blis=False)`` for a pipeline that only predicts.

    ``maxout`` (each tok2vec layer: the best of 3 pieces for each of 96 units of each token) keeps
    only the maxima, taken with ``numpy.maximum`` over the pieces: a third of the time of thinc's
    loop, which also records which piece won for a backward pass that never runs here. The
    maxima are the same numbers (a maximum does not round); only a NaN would be read differently,
    and the layers never produce one.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(use_blis=False, **kwargs)

    def maxout(self, X: Any) -> tuple[Any, Any]:
        """The maximum over the last axis of ``X`` (batch, units, pieces); no argmax."""
        best = numpy.maximum(X[:, :, 0], X[:, :, 1]) if X.shape[2] > 1 else X[:, :, 0].copy()
        for piece in range(2, X.shape[2]):
            numpy.maximum(best, X[:, :, piece], out=best)
        return best, None

    def backprop_maxout(self, dY: Any, which: Any, P: int) -> Any:
        """Not available: these ops do not train."""
        raise NotImplementedError("InferenceOps cannot train (maxout keeps no argmax)")


def numpy_products(nlp: Language) -> Language:
    """``nlp`` with the layers of its trained components on ``InferenceOps``."""
    ops = InferenceOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if isinstance(layer.ops, NumpyOps):
                layer.ops = ops
    return nlp


__all__ = ["InferenceOps", "numpy_products"]
