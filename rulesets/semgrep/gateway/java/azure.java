// Gateway-bypass rules, Azure clients: annotated test file for azure.yaml.
package com.example.azure;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;

class Clients {
    void clients(String conn) {
        // ruleid: gateway-java-azure-blob
        BlobServiceClient blobs = new BlobServiceClientBuilder().connectionString(conn).buildClient();
        // ruleid: gateway-java-azure-cosmos
        CosmosClient cosmos = new CosmosClientBuilder().endpoint("https://acct.documents.azure.com").buildClient();
    }
}
