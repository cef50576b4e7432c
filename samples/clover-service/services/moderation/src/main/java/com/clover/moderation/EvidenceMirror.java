package com.clover.moderation;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.volcengine.tos.TOSV2;
import com.volcengine.tos.TOSV2ClientBuilder;
import java.io.ByteArrayInputStream;

/**
 * Mirrors moderation evidence to the review vendors' buckets. Added for the APAC review desk,
 * outside the gateway: both clients are opened directly with credentials from the environment.
 */
public final class EvidenceMirror {

    private final OSS oss = new OSSClientBuilder().build( // auditkit-expect: gateway.bypass
            System.getenv("EVIDENCE_OSS_ENDPOINT"),
            System.getenv("EVIDENCE_OSS_KEY_ID"),
            System.getenv("EVIDENCE_OSS_KEY_SECRET"));

    private final TOSV2 tos = new TOSV2ClientBuilder().build( // auditkit-expect: gateway.bypass
            System.getenv("EVIDENCE_TOS_REGION"),
            System.getenv("EVIDENCE_TOS_ENDPOINT"),
            System.getenv("EVIDENCE_TOS_AK"),
            System.getenv("EVIDENCE_TOS_SK"));

    public void mirror(String key, byte[] evidence) {
        oss.putObject("clover-evidence", key, new ByteArrayInputStream(evidence)); // auditkit-expect: gateway.bypass
        tos.putObjectFromFile(null); // auditkit-expect: gateway.bypass
    }
}
