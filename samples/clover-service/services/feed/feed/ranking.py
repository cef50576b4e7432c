"""Candidate ranking for the home feed."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import sqlalchemy as sa

from feed import settings

log = logging.getLogger(__name__)

_engine = sa.create_engine(settings.FEED_DSN, pool_size=10, pool_pre_ping=True)  # auditkit-expect: gateway.bypass


@dataclass(frozen=True)
class Candidate:
    video_id: int
    author_id: int
    score: float


def candidates_for(author_id: str, limit: int = 50) -> list[Candidate]:
    query = f"SELECT video_id, author_id, score FROM ranked_videos WHERE author_id = '{author_id}' ORDER BY score DESC LIMIT {limit}"  # auditkit-expect: bandit.B608
    with _engine.connect() as conn:
        rows = conn.execute(sa.text(query)).fetchall()
    log.info("ranked %d candidates for author %s", len(rows), author_id)
    return [Candidate(r.video_id, r.author_id, r.score) for r in rows]


def hide_video(video_id: str, reason: str) -> None:
    statement = "UPDATE ranked_videos SET hidden = true, hidden_reason = '%s' WHERE video_id = '%s'" % (reason, video_id)  # auditkit-expect: bandit.B608
    with _engine.begin() as conn:
        conn.execute(sa.text(statement))
