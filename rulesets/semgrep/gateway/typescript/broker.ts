// Gateway-bypass rules, brokers and streams: annotated test file for broker.yaml.
import { Kafka } from 'kafkajs';
import { KafkaJS } from '@confluentinc/kafka-javascript';
import * as RdKafka from 'node-rdkafka';
import amqplib from 'amqplib';
import { connect } from 'nats';
import Pulsar from 'pulsar-client';
import { PubSub } from '@google-cloud/pubsub';
import { ServiceBusClient } from '@azure/service-bus';
import { EventHubProducerClient, EventHubConsumerClient } from '@azure/event-hubs';
import { QueueServiceClient, QueueClient } from '@azure/storage-queue';
import { Kafka as LocalKafka } from './local-kafka';

export async function clients(url: string): Promise<unknown[]> {
  // ruleid: gateway-typescript-kafkajs
  const kafka = new Kafka({ clientId: 'orders', brokers: ['broker:9092'] });
  // ruleid: gateway-typescript-confluent-kafka-javascript
  const ck = new KafkaJS.Kafka({ kafkaJS: { brokers: ['broker:9092'] } });
  // ruleid: gateway-typescript-node-rdkafka-producer
  const producer = new RdKafka.HighLevelProducer({ 'metadata.broker.list': 'broker:9092' });
  // ruleid: gateway-typescript-node-rdkafka-consumer
  const consumer = new RdKafka.KafkaConsumer({ 'group.id': 'g' }, {});
  // ruleid: gateway-typescript-amqplib
  const conn = await amqplib.connect(url);
  // ruleid: gateway-typescript-nats
  const nc = await connect({ servers: 'nats://broker:4222' });
  // ruleid: gateway-typescript-pulsar-client
  const pulsar = new Pulsar.Client({ serviceUrl: 'pulsar://broker:6650' });
  // ruleid: gateway-typescript-gcp-pubsub
  const pubsub = new PubSub();
  // ruleid: gateway-typescript-azure-servicebus
  const sb = new ServiceBusClient(url);
  // ruleid: gateway-typescript-azure-eventhubs-producer
  const hub = new EventHubProducerClient(url, 'hub');
  // ruleid: gateway-typescript-azure-eventhubs-consumer
  const hubIn = new EventHubConsumerClient('$Default', url, 'hub');
  // ruleid: gateway-typescript-azure-storage-queue
  const queues = new QueueServiceClient(url);
  // ruleid: gateway-typescript-azure-storage-queue
  const jobs = new QueueClient(url, 'jobs');
  // ruleid: gateway-typescript-azure-storage-queue-connection-string
  const fromConn = QueueServiceClient.fromConnectionString(url);
  // ok: gateway-typescript-kafkajs
  const local = new LocalKafka();
  return [kafka, ck, producer, consumer, conn, nc, pulsar, pubsub, sb, hub, hubIn, queues, jobs, fromConn, local];
}
