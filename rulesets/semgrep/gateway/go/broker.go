// Gateway-bypass rules, brokers and streams: annotated test file for broker.yaml.
package events

import (
	"context"

	"cloud.google.com/go/pubsub"
	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs"
	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azqueue"
	"github.com/IBM/sarama"
	"github.com/apache/pulsar-client-go/pulsar"
	ckafka "github.com/confluentinc/confluent-kafka-go/v2/kafka"
	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/segmentio/kafka-go"
)

func producers(ctx context.Context, brokers []string, cfg *sarama.Config) {
	// ruleid: gateway-go-sarama-newsyncproducer
	p1, _ := sarama.NewSyncProducer(brokers, cfg)
	// ruleid: gateway-go-sarama-newasyncproducer
	p2, _ := sarama.NewAsyncProducer(brokers, cfg)
	// ruleid: gateway-go-sarama-newclient
	client, _ := sarama.NewClient(brokers, cfg)
	// ruleid: gateway-go-sarama-newsyncproducerfromclient
	p3, _ := sarama.NewSyncProducerFromClient(client)
	// ruleid: gateway-go-sarama-newasyncproducerfromclient
	p4, _ := sarama.NewAsyncProducerFromClient(client)
	// A cluster admin creates topics and carries no records: control plane.
	// ok: gateway-go-sarama-newclient
	admin, _ := sarama.NewClusterAdmin(brokers, cfg)
	// ruleid: gateway-go-kafka-go-writer
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: "orders"}
	// ruleid: gateway-go-kafka-go-newwriter
	w2 := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	// ruleid: gateway-go-kafka-go-dialleader
	conn, _ := kafka.DialLeader(ctx, "tcp", brokers[0], "orders", 0)
	// ruleid: gateway-go-confluent-kafka-newproducer
	cp, _ := ckafka.NewProducer(&ckafka.ConfigMap{"bootstrap.servers": brokers[0]})
	// ok: gateway-go-confluent-kafka-newproducer
	ca, _ := ckafka.NewAdminClient(&ckafka.ConfigMap{"bootstrap.servers": brokers[0]})
	_, _, _, _, _, _, _, _, _, _ = p1, p2, p3, p4, admin, w, w2, conn, cp, ca
}

func consumers(brokers []string, cfg *sarama.Config, client sarama.Client) {
	// ruleid: gateway-go-sarama-newconsumer
	c1, _ := sarama.NewConsumer(brokers, cfg)
	// ruleid: gateway-go-sarama-newconsumergroup
	c2, _ := sarama.NewConsumerGroup(brokers, "billing", cfg)
	// ruleid: gateway-go-sarama-newconsumerfromclient
	c3, _ := sarama.NewConsumerFromClient(client)
	// ruleid: gateway-go-sarama-newconsumergroupfromclient
	c4, _ := sarama.NewConsumerGroupFromClient("billing", client)
	// ruleid: gateway-go-kafka-go-newreader
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: "orders"})
	// ruleid: gateway-go-confluent-kafka-newconsumer
	cc, _ := ckafka.NewConsumer(&ckafka.ConfigMap{"group.id": "billing"})
	_, _, _, _, _, _ = c1, c2, c3, c4, r, cc
}

func others(ctx context.Context, url string, cred azcoreCredential) {
	// ruleid: gateway-go-amqp-dial
	a1, _ := amqp.Dial(url)
	// ruleid: gateway-go-amqp-dialtls
	a2, _ := amqp.DialTLS(url, nil)
	// ruleid: gateway-go-amqp-dialconfig
	a3, _ := amqp.DialConfig(url, amqp.Config{})
	// ruleid: gateway-go-nats-connect
	nc, _ := nats.Connect(nats.DefaultURL)
	// ruleid: gateway-go-pulsar-newclient
	pc, _ := pulsar.NewClient(pulsar.ClientOptions{URL: url})
	// ruleid: gateway-go-pubsub-newclient
	ps, _ := pubsub.NewClient(ctx, "project")
	// ruleid: gateway-go-pubsub-newclientwithconfig
	ps2, _ := pubsub.NewClientWithConfig(ctx, "project", nil)
	// ruleid: gateway-go-azservicebus-newclient
	sb, _ := azservicebus.NewClient("ns.servicebus.windows.net", cred, nil)
	// ruleid: gateway-go-azservicebus-newclientfromconnectionstring
	sb2, _ := azservicebus.NewClientFromConnectionString(url, nil)
	// ruleid: gateway-go-azeventhubs-newproducerclient
	eh, _ := azeventhubs.NewProducerClient("ns", "hub", cred, nil)
	// ruleid: gateway-go-azeventhubs-newproducerclientfromconnectionstring
	eh2, _ := azeventhubs.NewProducerClientFromConnectionString(url, "hub", nil)
	// ruleid: gateway-go-azeventhubs-newconsumerclient
	ec, _ := azeventhubs.NewConsumerClient("ns", "hub", "$Default", cred, nil)
	// ruleid: gateway-go-azeventhubs-newconsumerclientfromconnectionstring
	ec2, _ := azeventhubs.NewConsumerClientFromConnectionString(url, "hub", "$Default", nil)
	// ruleid: gateway-go-azqueue-newserviceclient
	q1, _ := azqueue.NewServiceClient(url, cred, nil)
	// ruleid: gateway-go-azqueue-newserviceclientfromconnectionstring
	q2, _ := azqueue.NewServiceClientFromConnectionString(url, nil)
	// ruleid: gateway-go-azqueue-newserviceclientwithsharedkeycredential
	q3, _ := azqueue.NewServiceClientWithSharedKeyCredential(url, nil, nil)
	// ruleid: gateway-go-azqueue-newqueueclient
	q4, _ := azqueue.NewQueueClient(url, cred, nil)
	// ruleid: gateway-go-azqueue-newqueueclientfromconnectionstring
	q5, _ := azqueue.NewQueueClientFromConnectionString(url, "jobs", nil)
	_, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _, _ = a1, a2, a3, nc, pc, ps, ps2, sb, sb2, eh, eh2, ec, ec2, q1, q2, q3, q4
	_ = q5
}

type azcoreCredential interface{}
