// Gateway-bypass rules, Azure SDK for .NET: annotated test file for azure.yaml.
using Azure.Data.Tables;
using Azure.Messaging.EventHubs.Producer;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.Cosmos;

namespace Shop.Cloud
{
    public class AzureStores
    {
        // ruleid: gateway-csharp-azure-cosmos
        private readonly CosmosClient _cosmos = new("https://acct.documents.azure.com", "key");

        public void Run(string cs)
        {
            // ruleid: gateway-csharp-azure-blob
            var blobs = new BlobServiceClient(cs);
            // ruleid: gateway-csharp-azure-blob
            var container = new BlobContainerClient(cs, "media");
            // ruleid: gateway-csharp-azure-cosmos
            var cosmos = new CosmosClient(cs);
            // ruleid: gateway-csharp-azure-tables
            var tables = new TableServiceClient(cs);
            // ruleid: gateway-csharp-azure-servicebus
            var bus = new ServiceBusClient(cs);
            // The administration client creates queues and topics: control plane.
            // ok: gateway-csharp-azure-servicebus
            var admin = new ServiceBusAdministrationClient(cs);
            // ruleid: gateway-csharp-azure-eventhubs-producer
            var hub = new EventHubProducerClient(cs, "hub");
            // ruleid: gateway-csharp-azure-storage-queue
            var queue = new QueueClient(cs, "jobs");
        }
    }
}
