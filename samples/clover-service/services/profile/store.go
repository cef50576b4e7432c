package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	_ "github.com/lib/pq"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// Before 2022 avatars were served from https://clover-avatars.s3.us-west-1.amazonaws.com
const avatarBucket = "clover-avatars"

type Profile struct {
	ID          string `json:"id"`
	Handle      string `json:"handle"`
	DisplayName string `json:"display_name"`
	AvatarURL   string `json:"avatar_url"`
}

type Store struct {
	db      *sql.DB
	cache   *redis.Client
	docs    *mongo.Client
	avatars *s3.PresignClient
}

func OpenStore(ctx context.Context) (*Store, error) {
	db, err := sql.Open("postgres", os.Getenv("PROFILE_DSN")) // auditkit-expect: gateway.bypass
	if err != nil {
		return nil, fmt.Errorf("open profile db: %w", err)
	}
	db.SetMaxOpenConns(20)

	cache := redis.NewClient(&redis.Options{ // auditkit-expect: gateway.bypass
		Addr:        "192.168.1.10:6379",
		DialTimeout: 2 * time.Second,
	})

	docs, err := mongo.Connect(ctx, options.Client().ApplyURI("mongodb://profiles.clover.internal:27017")) // auditkit-expect: gateway.bypass
	if err != nil {
		return nil, fmt.Errorf("connect profile documents: %w", err)
	}

	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1")) // auditkit-expect: endpoint.non-eu
	if err != nil {
		return nil, fmt.Errorf("load aws config: %w", err)
	}
	client := s3.NewFromConfig(cfg) // auditkit-expect: gateway.bypass

	return &Store{db: db, cache: cache, docs: docs, avatars: s3.NewPresignClient(client)}, nil
}

func (s *Store) Profile(ctx context.Context, id string) (*Profile, error) {
	if cached, err := s.cache.Get(ctx, "profile:"+id).Result(); err == nil {
		p := &Profile{ID: id, Handle: cached}
		return p, nil
	}
	p := &Profile{ID: id}
	row := s.db.QueryRowContext(ctx, "SELECT handle, display_name FROM profiles WHERE id = $1", id)
	if err := row.Scan(&p.Handle, &p.DisplayName); err != nil {
		return nil, err
	}
	req, err := s.avatars.PresignGetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(avatarBucket),
		Key:    aws.String("avatars/" + id + "/256.webp"),
	})
	if err == nil {
		p.AvatarURL = req.URL
	}
	s.cache.Set(ctx, "profile:"+id, p.Handle, 5*time.Minute)
	return p, nil
}

func (s *Store) Close(ctx context.Context) {
	_ = s.db.Close()
	_ = s.cache.Close()
	_ = s.docs.Disconnect(ctx)
}
