"""Reference data shipped with the portal: the Essex gazetteer and the SEND synonym list.

Both are plain data files next to this package so council staff can review and edit them
without touching code; nothing here calls the network at run time.
"""
from __future__ import annotations

from .gazetteer import all_places, distance_miles, lookup_place
from .synonyms import load_synonym_groups, synonym_groups

__all__ = ["all_places", "distance_miles", "load_synonym_groups", "lookup_place", "synonym_groups"]
