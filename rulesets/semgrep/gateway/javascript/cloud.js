// Gateway-bypass rules, Google Cloud and Azure clients: annotated test file for cloud.yaml.
const { Storage } = require('@google-cloud/storage');
const { BigQuery } = require('@google-cloud/bigquery');
const { Firestore } = require('@google-cloud/firestore');
const { BlobServiceClient } = require('@azure/storage-blob');
const { CosmosClient } = require('@azure/cosmos');
const { Storage: LocalStorage } = require('./storage');

// ruleid: gateway-javascript-gcs-storage
const gcs = new Storage();
// ruleid: gateway-javascript-bigquery
const bq = new BigQuery({ projectId: 'p' });
// ruleid: gateway-javascript-firestore
const fs = new Firestore();
// ruleid: gateway-javascript-azure-blob-connection-string
const blobs = BlobServiceClient.fromConnectionString(process.env.AZURE_STORAGE);
// ruleid: gateway-javascript-azure-blob
const direct = new BlobServiceClient('https://acct.blob.core.windows.net');
// ruleid: gateway-javascript-azure-cosmos
const cosmos = new CosmosClient({ endpoint: 'https://acct.documents.azure.com' });
// ok: gateway-javascript-gcs-storage
const local = new LocalStorage();
