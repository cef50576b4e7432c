// Gateway-bypass rules, Google Cloud clients: annotated test file for gcp.yaml.
package com.example.gcp

import com.google.cloud.bigquery.BigQueryOptions
import com.google.cloud.storage.StorageOptions

// ruleid: gateway-kotlin-gcs-storageoptions
val storage = StorageOptions.getDefaultInstance().service
// ruleid: gateway-kotlin-gcs-storageoptions
val custom = StorageOptions.newBuilder().setProjectId("p").build().service
// ruleid: gateway-kotlin-bigquery
val bigquery = BigQueryOptions.getDefaultInstance().service
