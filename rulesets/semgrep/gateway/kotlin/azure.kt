// Gateway-bypass rules, Azure clients: annotated test file for azure.yaml.
package com.example.azure

import com.azure.cosmos.CosmosClientBuilder
import com.azure.storage.blob.BlobServiceClientBuilder

// ruleid: gateway-kotlin-azure-blob
val blobs = BlobServiceClientBuilder().connectionString(System.getenv("AZ")).buildClient()
// ruleid: gateway-kotlin-azure-cosmos
val cosmos = CosmosClientBuilder().endpoint("https://acct.documents.azure.com").buildClient()
