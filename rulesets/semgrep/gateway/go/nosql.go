// Gateway-bypass rules, document, wide-column and search stores: test file for nosql.yaml.
package store

import (
	"context"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/gocql/gocql"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

func Connect(ctx context.Context) {
	// ruleid: gateway-go-mongo-connect
	client, _ := mongo.Connect(ctx, options.Client().ApplyURI("mongodb://mongo.internal"))
	// ruleid: gateway-go-mongo-newclient
	legacy, _ := mongo.NewClient(options.Client())
	// ruleid: gateway-go-gocql-newcluster
	cluster := gocql.NewCluster("cassandra.internal")
	session, _ := cluster.CreateSession()
	// ruleid: gateway-go-elasticsearch-newdefaultclient
	es, _ := elasticsearch.NewDefaultClient()
	// ruleid: gateway-go-elasticsearch-newclient
	es2, _ := elasticsearch.NewClient(elasticsearch.Config{Addresses: []string{"http://es:9200"}})
	// Options builders are not connections.
	// ok: gateway-go-mongo-connect
	opts := options.Client().ApplyURI("mongodb://mongo.internal")
	_, _, _, _, _, _ = client, legacy, session, es, es2, opts
}

func Typed() {
	// ruleid: gateway-go-elasticsearch-newtypedclient
	typed, _ := elasticsearch.NewTypedClient(elasticsearch.Config{})
	_ = typed
}
