"""Data files (actors, triggers, ontology) shipped with the package."""
