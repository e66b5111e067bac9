"""Konflikt: code news into PLOVER conflict events with evidence, and recover the conflict system."""

__version__ = "0.1.0"
