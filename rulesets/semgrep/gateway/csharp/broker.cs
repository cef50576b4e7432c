// Gateway-bypass rules, brokers: annotated test file for broker.yaml.
using Confluent.Kafka;
using RabbitMQ.Client;

namespace Shop.Events
{
    public class Events
    {
        public void Run(ProducerConfig config, ConsumerConfig consumerConfig, AdminClientConfig adminConfig)
        {
            // ruleid: gateway-csharp-confluent-kafka-producer
            using var producer = new ProducerBuilder<string, string>(config).Build();
            // ruleid: gateway-csharp-confluent-kafka-consumer
            using var consumer = new ConsumerBuilder<Ignore, string>(consumerConfig).Build();
            // An admin client manages topics: control plane.
            // ok: gateway-csharp-confluent-kafka-producer
            using var admin = new AdminClientBuilder(adminConfig).Build();
            var factory = new ConnectionFactory { HostName = "broker" };
            // ruleid: gateway-csharp-rabbitmq-connection
            using var connection = factory.CreateConnection();
        }
    }
}
