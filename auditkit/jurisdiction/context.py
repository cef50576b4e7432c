"""Provider context: which meanings of a region code count, and how their verdicts combine.

The same code means different places per provider (eu-west-1: Ireland on AWS, London on
Alibaba). Provider hints from the file narrow the meanings; without them only codes that are
unmistakable on their own count, and a code is judged non-compliant only if every meaning is
outside the policy, compliant only if every meaning is inside.
"""

from __future__ import annotations

from auditkit.jurisdiction.catalogue import Bare, Region


def choose(found: tuple[Region, ...], hints: frozenset[str], fixed: bool) -> tuple[Region, ...]:
    """The regions a bare code stands for, given the providers the file uses.

    With hints, only the hinted providers count when any of them has the code (any level but
    NEVER); otherwise only codes distinctive enough on their own (Bare.ALWAYS) count.
    """
    if fixed:
        return found
    if hints:
        hinted = tuple(r for r in found if r.provider in hints and r.bare is not Bare.NEVER)
        if hinted:
            return hinted
    return tuple(r for r in found if r.bare is Bare.ALWAYS)


def combine(judgements: list[bool | None]) -> bool | None:
    if judgements and all(j is True for j in judgements):
        return True
    if judgements and all(j is False for j in judgements):
        return False
    return None
