"""Clover home-feed service: ranking, caching and engagement analytics."""

__version__ = "1.42.0"
