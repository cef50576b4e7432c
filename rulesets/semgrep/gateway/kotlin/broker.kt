// Gateway-bypass rules, brokers and streams: annotated test file for broker.yaml.
package com.example.events

import com.azure.messaging.eventhubs.EventHubClientBuilder
import com.azure.messaging.servicebus.ServiceBusClientBuilder
import com.azure.storage.queue.QueueClientBuilder
import com.google.cloud.pubsub.v1.Publisher
import com.google.cloud.pubsub.v1.Subscriber
import com.rabbitmq.client.Channel
import com.rabbitmq.client.ConnectionFactory
import io.nats.client.Nats
import java.util.Properties
import org.apache.kafka.clients.admin.Admin
import org.apache.kafka.clients.consumer.KafkaConsumer
import org.apache.kafka.clients.producer.KafkaProducer
import org.apache.pulsar.client.api.PulsarClient
import org.springframework.amqp.rabbit.core.RabbitTemplate
import org.springframework.kafka.core.KafkaTemplate
import org.springframework.pulsar.core.PulsarTemplate

class Events(
    private val kafka: KafkaTemplate<String, String>,
    private val rabbit: RabbitTemplate,
    private val pulsar: PulsarTemplate<String>,
) {
    fun publish(props: Properties, payload: String, factory: ConnectionFactory, channel: Channel) {
        // ruleid: gateway-kotlin-spring-kafka-template
        kafka.send("orders", payload)
        // ruleid: gateway-kotlin-spring-rabbit-template
        rabbit.convertAndSend("orders", payload)
        // ruleid: gateway-kotlin-spring-pulsar-template
        pulsar.send("orders", payload)
        // ruleid: gateway-kotlin-kafka-producer
        val producer = KafkaProducer<String, String>(props)
        // ruleid: gateway-kotlin-kafka-consumer
        val consumer = KafkaConsumer<String, String>(props)
        // ok: gateway-kotlin-kafka-producer
        val admin = Admin.create(props)
        // ruleid: gateway-kotlin-rabbitmq-connectionfactory
        val connection = factory.newConnection()
        // ruleid: gateway-kotlin-rabbitmq-channel-publish
        channel.basicPublish("", "orders", null, payload.toByteArray())
        // ruleid: gateway-kotlin-pulsar-client
        val client = PulsarClient.builder().serviceUrl("pulsar://broker:6650").build()
        // ruleid: gateway-kotlin-nats-connect
        val nc = Nats.connect("nats://broker:4222")
        // ruleid: gateway-kotlin-gcp-pubsub-publisher
        val publisher = Publisher.newBuilder("projects/p/topics/t").build()
        // ruleid: gateway-kotlin-gcp-pubsub-subscriber
        val subscriber = Subscriber.newBuilder("projects/p/subscriptions/s", null).build()
        // ruleid: gateway-kotlin-azure-servicebus
        val sender = ServiceBusClientBuilder().connectionString("x").sender().queueName("q").buildClient()
        // ruleid: gateway-kotlin-azure-eventhubs
        val hub = EventHubClientBuilder().connectionString("x").buildProducerClient()
        // ruleid: gateway-kotlin-azure-storage-queue
        val queue = QueueClientBuilder().connectionString("x").queueName("q").buildClient()
    }

    fun sameNames(local: com.acme.messaging.KafkaTemplate) {
        // ok: gateway-kotlin-spring-kafka-template
        local.send("orders", "x")
    }
}
