package com.clover.moderation;

import lombok.RequiredArgsConstructor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes moderation decisions for the analytics team. The records carry the uploader's id
 * and the decision: they leave the service on the broker, past the gateway.
 */
@Component
@RequiredArgsConstructor
public class DecisionEvents {

    private final KafkaTemplate<String, String> kafka;

    public void decided(String videoId, String uploaderId, String decision) {
        String record = uploaderId + "," + decision;
        kafka.send("moderation-decisions", videoId, record); // auditkit-expect: gateway.bypass
    }
}
