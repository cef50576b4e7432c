package main

import (
	"context"

	"cloud.google.com/go/bigquery"
	"cloud.google.com/go/storage"
)

// exportAvatars copies avatars to the analytics project directly (no gateway).
func exportAvatars(ctx context.Context, project string) error {
	gcs, err := storage.NewClient(ctx) // auditkit-expect: gateway.bypass
	if err != nil {
		return err
	}
	defer gcs.Close()
	bq, err := bigquery.NewClient(ctx, project) // auditkit-expect: gateway.bypass
	if err != nil {
		return err
	}
	defer bq.Close()
	return nil
}
