// Gateway-bypass rules, brokers and streams: annotated test file for broker.yaml.
const { Kafka } = require('kafkajs');
const { KafkaJS } = require('@confluentinc/kafka-javascript');
const RdKafka = require('node-rdkafka');
const amqp = require('amqplib/callback_api');
const amqplib = require('amqplib');
const { connect } = require('nats');
const Pulsar = require('pulsar-client');
const { PubSub } = require('@google-cloud/pubsub');
const { ServiceBusClient } = require('@azure/service-bus');
const { EventHubProducerClient, EventHubConsumerClient } = require('@azure/event-hubs');
const { QueueServiceClient, QueueClient } = require('@azure/storage-queue');
const { Producer } = require('./local-producer');

async function clients(url) {
  // ruleid: gateway-javascript-kafkajs
  const kafka = new Kafka({ clientId: 'orders', brokers: ['broker:9092'] });
  // The client object is the bypass; producer()/admin() on it are not matched again.
  // ok: gateway-javascript-kafkajs
  const admin = kafka.admin();
  // ruleid: gateway-javascript-confluent-kafka-javascript
  const ck = new KafkaJS.Kafka({ kafkaJS: { brokers: ['broker:9092'] } });
  // ruleid: gateway-javascript-node-rdkafka-producer
  const producer = new RdKafka.Producer({ 'metadata.broker.list': 'broker:9092' });
  // ruleid: gateway-javascript-node-rdkafka-consumer
  const consumer = new RdKafka.KafkaConsumer({ 'group.id': 'g' }, {});
  // ruleid: gateway-javascript-amqplib
  amqp.connect(url, () => {});
  // ruleid: gateway-javascript-amqplib
  const conn = await amqplib.connect(url);
  // ruleid: gateway-javascript-nats
  const nc = await connect({ servers: 'nats://broker:4222' });
  // ruleid: gateway-javascript-pulsar-client
  const pulsar = new Pulsar.Client({ serviceUrl: 'pulsar://broker:6650' });
  // ruleid: gateway-javascript-gcp-pubsub
  const pubsub = new PubSub();
  // ruleid: gateway-javascript-azure-servicebus
  const sb = new ServiceBusClient(url);
  // ruleid: gateway-javascript-azure-eventhubs-producer
  const hub = new EventHubProducerClient(url, 'hub');
  // ruleid: gateway-javascript-azure-eventhubs-consumer
  const hubIn = new EventHubConsumerClient('$Default', url, 'hub');
  // ruleid: gateway-javascript-azure-storage-queue
  const queues = new QueueServiceClient(url);
  // ruleid: gateway-javascript-azure-storage-queue
  const jobs = new QueueClient(url, 'jobs');
  // ruleid: gateway-javascript-azure-storage-queue-connection-string
  const fromConn = QueueServiceClient.fromConnectionString(url);
  // A same-named class of the project's own module: never matched.
  // ok: gateway-javascript-node-rdkafka-producer
  const local = new Producer();
  return [admin, ck, producer, consumer, conn, nc, pulsar, pubsub, sb, hub, hubIn, queues, jobs, fromConn, local];
}

module.exports = { clients };
