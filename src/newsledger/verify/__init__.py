"""Checks of figures: within a document (sums, subsets) and across documents."""
