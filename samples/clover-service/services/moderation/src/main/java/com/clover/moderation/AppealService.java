package com.clover.moderation;

import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Appeals handling. Written the Spring way: the stores are injected, never constructed here,
 * so every one of these calls reaches the moderation database or cache past the gateway.
 */
@Service
@RequiredArgsConstructor
public class AppealService {

    private final AppealRepository appeals;
    private final JdbcTemplate jdbc;
    private final ReportRepository reports; // the hand-written JDBC class: its calls are not Spring Data

    @Autowired
    private StringRedisTemplate cache;

    public Appeal file(String videoId, String reason) {
        Appeal appeal = new Appeal(videoId, reason);
        jdbc.update("UPDATE reports SET state = 'appealed' WHERE video_id = ?", videoId); // auditkit-expect: gateway.bypass
        cache.opsForValue().set("appeal:" + videoId, reason, Duration.ofDays(30)); // auditkit-expect: gateway.bypass
        return appeals.save(appeal); // auditkit-expect: gateway.bypass
    }

    public int backlog() throws java.sql.SQLException {
        return reports.openReports(500).size();
    }
}
