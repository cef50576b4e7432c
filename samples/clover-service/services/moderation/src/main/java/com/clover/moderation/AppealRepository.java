package com.clover.moderation;

import org.springframework.data.jpa.repository.JpaRepository;

/** Appeals against moderation verdicts, stored by Spring Data JPA in the moderation database. */
public interface AppealRepository extends JpaRepository<Appeal, Long> { // auditkit-expect: gateway.bypass

    java.util.List<Appeal> findByVideoIdOrderByFiledAtDesc(String videoId);
}
