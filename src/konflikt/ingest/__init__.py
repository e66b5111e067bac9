"""konflikt.ingest"""
