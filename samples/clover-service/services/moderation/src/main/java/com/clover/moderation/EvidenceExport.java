package com.clover.moderation;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;

/** Exports moderation evidence to the legal-hold buckets, bypassing the gateway. */
public final class EvidenceExport {

    private final Storage gcs = StorageOptions.getDefaultInstance().getService(); // auditkit-expect: gateway.bypass

    private final BlobServiceClient blobs =
            new BlobServiceClientBuilder() // auditkit-expect: gateway.bypass
                    .connectionString(System.getenv("LEGAL_HOLD_BLOB_DSN"))
                    .buildClient();

    public void export(String caseId, byte[] evidence) {
        blobs.getBlobContainerClient("legal-hold").getBlobClient(caseId).upload(
                new java.io.ByteArrayInputStream(evidence), evidence.length);
    }
}
