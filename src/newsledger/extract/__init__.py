"""Extraction steps: numbers, time expressions, places, actors, measures, attribution, figures."""
