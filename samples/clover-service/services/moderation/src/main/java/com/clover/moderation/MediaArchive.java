package com.clover.moderation;

import java.net.URI;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** Copies removed videos into the legal-hold archive. */
public final class MediaArchive {

    private static final Region HOME_REGION = Region.EU_CENTRAL_1;

    private final S3Client legalHold;
    private final S3Client coldStorage;

    public MediaArchive() {
        this.legalHold = S3Client.builder() // auditkit-expect: gateway.bypass
                .region(Region.US_EAST_1) // auditkit-expect: endpoint.non-eu
                .build();
        // Cold copies went to Zurich when the Swiss entity took over trust and safety.
        this.coldStorage = S3Client.builder() // auditkit-expect: gateway.bypass
                .region(Region.EU_CENTRAL_2) // auditkit-expect: endpoint.non-eu
                .endpointOverride(URI.create("https://s3.eu-central-2.amazonaws.com")) // auditkit-expect: endpoint.non-eu
                .build();
    }

    public Region homeRegion() {
        return HOME_REGION;
    }

    public void hold(String videoId, byte[] bytes) {
        PutObjectRequest put = PutObjectRequest.builder()
                .bucket("clover-legal-hold")
                .key("videos/" + videoId + "/original.mp4")
                .build();
        legalHold.putObject(put, RequestBody.fromBytes(bytes));
        coldStorage.putObject(put, RequestBody.fromBytes(bytes));
    }
}
