// Gateway-bypass rules, Google Cloud clients: annotated test file for gcp.yaml.
package gcp

import (
	"context"

	"cloud.google.com/go/bigquery"
	"cloud.google.com/go/firestore"
	"cloud.google.com/go/spanner"
	"cloud.google.com/go/storage"
	"cloud.google.com/go/bigtable"
	"cloud.google.com/go/pubsub"
)

func Clients(ctx context.Context) {
	// ruleid: gateway-go-gcs-newclient
	gcs, _ := storage.NewClient(ctx)
	// ruleid: gateway-go-bigquery-newclient
	bq, _ := bigquery.NewClient(ctx, "project")
	// ruleid: gateway-go-firestore-newclient
	fs, _ := firestore.NewClient(ctx, "project")
	// ruleid: gateway-go-spanner-newclient
	sp, _ := spanner.NewClient(ctx, "projects/p/instances/i/databases/d")
	// ruleid: gateway-go-bigtable-newclient
	bt, _ := bigtable.NewClient(ctx, "project", "instance")
	// ok: gateway-go-gcs-newclient
	ps, _ := pubsub.NewClient(ctx, "project")
	_, _, _, _, _, _ = gcs, bq, fs, sp, bt, ps
}

func WithConfig(ctx context.Context) {
	// ruleid: gateway-go-gcs-newgrpcclient
	gcs, _ := storage.NewGRPCClient(ctx)
	// ruleid: gateway-go-firestore-newclientwithdatabase
	fs, _ := firestore.NewClientWithDatabase(ctx, "project", "db")
	// ruleid: gateway-go-spanner-newclientwithconfig
	sp, _ := spanner.NewClientWithConfig(ctx, "db", spanner.ClientConfig{})
	// ruleid: gateway-go-bigtable-newclientwithconfig
	bt, _ := bigtable.NewClientWithConfig(ctx, "project", "instance", bigtable.ClientConfig{})
	_, _, _, _ = gcs, fs, sp, bt
}
