"""auditkit: independent code audits for data-residency programmes."""

__version__ = "0.1.0"
