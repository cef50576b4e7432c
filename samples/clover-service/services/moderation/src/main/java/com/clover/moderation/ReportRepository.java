package com.clover.moderation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Abuse reports filed against videos and accounts. */
public final class ReportRepository {

    private static final String JDBC_URL = "jdbc:postgresql://10.0.3.4:5432/moderation";

    public record Report(long id, String videoId, String reporterId, String reason) {}

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(JDBC_URL, "moderation", System.getenv("MODERATION_DB_PASSWORD")); // auditkit-expect: gateway.bypass
    }

    public List<Report> openReports(int limit) throws SQLException {
        try (Connection conn = connect();
             PreparedStatement stmt = conn.prepareStatement(
                     "SELECT id, video_id, reporter_id, reason FROM reports WHERE state = 'open' ORDER BY id LIMIT ?")) {
            stmt.setInt(1, limit);
            try (ResultSet rs = stmt.executeQuery()) {
                List<Report> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Report(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
                return out;
            }
        }
    }

    public void close(long reportId, String verdict) throws SQLException {
        try (Connection conn = connect();
             PreparedStatement stmt = conn.prepareStatement(
                     "UPDATE reports SET state = 'closed', verdict = ? WHERE id = ?")) {
            stmt.setString(1, verdict);
            stmt.setLong(2, reportId);
            stmt.executeUpdate();
        }
    }
}
