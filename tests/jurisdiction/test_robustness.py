"""Property tests: arbitrary text never breaks the classifier or the span finder."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditkit.core.policy import JurisdictionPolicy
from auditkit.jurisdiction import Classifier, find_endpoints

CLASSIFIER = Classifier(JurisdictionPolicy(allow_hosts=("*.internal",), deny_hosts=("10.*",)))
ENDPOINT_ALPHABET = st.sampled_from(
    [*"abcdefghijklmnopqrstuvwxyz0123456789.-:/[]@%{}$_ ", "é", "\x00"]
)
ENDPOINTISH = st.text(ENDPOINT_ALPHABET, max_size=80)


@settings(max_examples=300, deadline=None, database=None)
@given(st.one_of(st.text(max_size=120), ENDPOINTISH))
def test_classify_never_raises(text: str) -> None:
    verdict = CLASSIFIER.classify(text, frozenset({"aws"}))
    if verdict is not None:
        assert verdict.kind in {"url", "host", "ip", "region"}
        assert verdict.compliant in {True, False, None}
        assert verdict.jurisdiction is None or (
            len(verdict.jurisdiction) == 2 and verdict.jurisdiction.isupper()
        )
        assert verdict.reason


@settings(max_examples=300, deadline=None, database=None)
@given(st.one_of(st.text(max_size=200), ENDPOINTISH))
def test_find_endpoints_spans_are_exact(text: str) -> None:
    previous_end = 0
    for start, end, found in find_endpoints(text):
        assert text[start:end] == found
        assert start >= previous_end
        previous_end = end
