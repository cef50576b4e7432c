// Gateway-bypass rules, Google Cloud and Azure clients: annotated test file for cloud.yaml.
import { Storage, Bucket } from '@google-cloud/storage';
import { BigQuery } from '@google-cloud/bigquery';
import Firestore from '@google-cloud/firestore';
import { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import { CosmosClient } from '@azure/cosmos';

// ruleid: gateway-typescript-gcs-storage
const bucket: Bucket = new Storage().bucket('exports');
// ruleid: gateway-typescript-bigquery
const bq = new BigQuery();
// ruleid: gateway-typescript-firestore
const db = new Firestore();
// ruleid: gateway-typescript-azure-blob-connection-string
const blobs = BlobServiceClient.fromConnectionString(process.env.AZURE_STORAGE!);
// ruleid: gateway-typescript-azure-blob
const container = new ContainerClient('https://acct.blob.core.windows.net/c');
// ruleid: gateway-typescript-azure-cosmos
const cosmos = new CosmosClient(process.env.COSMOS!);
