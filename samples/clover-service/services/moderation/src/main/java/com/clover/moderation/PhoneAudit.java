package com.clover.moderation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class PhoneAudit {
    private static final Logger log = LoggerFactory.getLogger(PhoneAudit.class);

    public void reviewed(Report report) {
        String reporter = report.getReporterPhone();
        String phone = report.getPhone();
        log.info("report {} reviewed, reporter reachable at {}", report.getId(), phone); // auditkit-expect: data-egress.log
        log.info("report {} reviewed by {}", report.getId(), reporter.length());
    }
}
