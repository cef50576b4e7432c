// Gateway-bypass rules, brokers and streams: annotated test file for broker.yaml.
package com.example.events;

import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.storage.queue.QueueClientBuilder;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.cloud.pubsub.v1.Subscriber;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import io.nats.client.Nats;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.pulsar.client.api.PulsarClient;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.pulsar.core.PulsarTemplate;

class Events {
    @Autowired private KafkaTemplate<String, String> kafka;
    @Autowired private AmqpTemplate amqp;
    private final RabbitTemplate rabbit;
    private final PulsarTemplate<String> pulsar;
    private final Producer<String, String> producer;

    Events(RabbitTemplate rabbit, PulsarTemplate<String> pulsar, Producer<String, String> producer) {
        this.rabbit = rabbit;
        this.pulsar = pulsar;
        this.producer = producer;
    }

    void publish(Properties props, String payload) throws Exception {
        // ruleid: gateway-java-spring-kafka-template
        kafka.send("orders", payload);
        // ruleid: gateway-java-spring-rabbit-template
        amqp.convertAndSend("orders", payload);
        // ruleid: gateway-java-spring-rabbit-template
        rabbit.convertAndSend("orders", payload);
        // ruleid: gateway-java-spring-pulsar-template
        pulsar.send("orders", payload);
        // ruleid: gateway-java-kafka-producer
        producer.send(new ProducerRecord<>("orders", payload));
        // ruleid: gateway-java-kafka-producer
        KafkaProducer<String, String> direct = new KafkaProducer<>(props);
        // ruleid: gateway-java-kafka-consumer
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        // An admin client creates topics and reads metadata: control plane, no records.
        // ok: gateway-java-kafka-producer
        Admin admin = Admin.create(props);
        ConnectionFactory factory = new ConnectionFactory();
        // ruleid: gateway-java-rabbitmq-connectionfactory
        com.rabbitmq.client.Connection connection = factory.newConnection();
        Channel channel = connection.createChannel();
        // ruleid: gateway-java-rabbitmq-channel-publish
        channel.basicPublish("", "orders", null, payload.getBytes());
        // ruleid: gateway-java-pulsar-client
        PulsarClient client = PulsarClient.builder().serviceUrl("pulsar://broker:6650").build();
        // ruleid: gateway-java-nats-connect
        io.nats.client.Connection nc = Nats.connect("nats://broker:4222");
        // ruleid: gateway-java-gcp-pubsub-publisher
        Publisher publisher = Publisher.newBuilder("projects/p/topics/t").build();
        // ruleid: gateway-java-gcp-pubsub-subscriber
        Subscriber subscriber = Subscriber.newBuilder("projects/p/subscriptions/s", null).build();
        // ruleid: gateway-java-azure-servicebus
        Object sender = new ServiceBusClientBuilder().connectionString("x").sender().queueName("q").buildClient();
        // ruleid: gateway-java-azure-eventhubs
        Object hub = new EventHubClientBuilder().connectionString("x").buildProducerClient();
        // ruleid: gateway-java-azure-storage-queue
        Object queue = new QueueClientBuilder().connectionString("x").queueName("q").buildClient();
    }
}

class SameNames {
    // A project's own class that carries a broker client's simple name: never matched.
    void run(com.acme.messaging.KafkaTemplate local, com.acme.messaging.RabbitTemplate mq) {
        // ok: gateway-java-spring-kafka-template
        local.send("orders", "x");
        // ok: gateway-java-spring-rabbit-template
        mq.convertAndSend("orders", "x");
    }
}
