"""Triage: inline suppressions and baselines. They mark findings; they never delete them."""
