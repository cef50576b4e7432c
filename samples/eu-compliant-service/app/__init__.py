"""Tilia appointment booking service."""
