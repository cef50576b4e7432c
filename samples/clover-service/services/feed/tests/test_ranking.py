"""Ranking SQL checked against a throw-away local SQLite database."""

from __future__ import annotations

import sqlite3
import unittest


class RankingQueryTest(unittest.TestCase):
    def setUp(self) -> None:
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute(
            "CREATE TABLE ranked_videos (video_id INTEGER, author_id TEXT, score REAL, hidden INTEGER)"
        )
        self.conn.executemany(
            "INSERT INTO ranked_videos VALUES (?, ?, ?, 0)",
            [(1, "u1", 0.9), (2, "u1", 0.4), (3, "u2", 0.7)],
        )

    def tearDown(self) -> None:
        self.conn.close()

    def test_orders_by_score(self) -> None:
        rows = self.conn.execute(
            "SELECT video_id FROM ranked_videos WHERE author_id = ? ORDER BY score DESC", ("u1",)
        ).fetchall()
        self.assertEqual([r[0] for r in rows], [1, 2])

    def test_metrics_endpoint_is_local(self) -> None:
        from feed import settings

        self.assertTrue(settings.LOCAL_METRICS.startswith("http://127.0.0.1"))


if __name__ == "__main__":
    unittest.main()
