// Gateway-bypass rules, Google Cloud clients: annotated test file for gcp.yaml.
package com.example.gcp;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;

class Clients {
    void clients() {
        // ruleid: gateway-java-gcs-storageoptions
        Storage storage = StorageOptions.getDefaultInstance().getService();
        // ruleid: gateway-java-gcs-storageoptions
        Storage custom = StorageOptions.newBuilder().setProjectId("p").build().getService();
        // ruleid: gateway-java-bigquery
        BigQuery bq = BigQueryOptions.getDefaultInstance().getService();
        // ok: gateway-java-gcs-storageoptions
        String name = StorageOptions.class.getName();
    }
}
