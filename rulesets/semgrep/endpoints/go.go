// Annotated test file for endpoint-literal-go and region-identifier-go.
package endpoints

import (
	"database/sql"
	"fmt"
	"net/http"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/endpoints"
)

// ruleid: endpoint-literal-go
const apiBase = "https://api.example.com/v1"

var (
	// ruleid: endpoint-literal-go
	bucket = "s3://audit-bucket/prefix"
	// ruleid: endpoint-literal-go
	pgDSN = "postgres://app:secret@db.example.com:5432/app?sslmode=require"
	// ruleid: endpoint-literal-go
	mongoURI = "mongodb+srv://cluster0.abcde.mongodb.net"
	// ruleid: endpoint-literal-go
	redisURL = `redis://cache.example.com:6379/0`
	// ruleid: endpoint-literal-go
	host = "api.example.com"
	// ruleid: endpoint-literal-go
	hostPort = `db.example.de:5432`
	// ruleid: endpoint-literal-go
	brokers = "kafka-1.example.com:9092,kafka-2.example.com:9092"
	// ruleid: endpoint-literal-go
	ip = "198.51.100.23"
	// ruleid: endpoint-literal-go
	ip6 = "[2001:db8::10]:8443"
	// ruleid: endpoint-literal-go
	region = "ap-southeast-1"
	// ruleid: endpoint-literal-go
	gcpRegion = "asia-northeast1"
	// ruleid: endpoint-literal-go
	azureRegion = "germanywestcentral"
	// ruleid: endpoint-literal-go
	tencent = "na-siliconvalley"
	// ruleid: endpoint-literal-go
	wildcard = "*.example.org"
)

func open() (*sql.DB, error) {
	// ruleid: endpoint-literal-go
	return sql.Open("postgres", "host=db.example.com port=5432 user=app")
}

func get(tenant string) (*http.Response, error) {
	// ruleid: endpoint-literal-go
	url := fmt.Sprintf("https://%s.api.example.com/items", tenant)
	return http.Get(url)
}

func sdk() *aws.Config {
	// ruleid: endpoint-literal-go
	cfg := aws.NewConfig().WithRegion("eu-central-1")
	// ruleid: region-identifier-go
	cfg = cfg.WithRegion(endpoints.UsEast1RegionID)
	// ruleid: region-identifier-go
	_ = endpoints.EuWest1RegionID
	// ok: region-identifier-go
	_ = endpoints.AwsPartitionID
	return cfg
}

// a raw string: the annotation below is part of its content
var multi = `first line
// ruleid: endpoint-literal-go
https://raw.example.com/path`

// negatives
var (
	// ok: endpoint-literal-go
	word = "hello"
	// ok: endpoint-literal-go
	file = "config.yaml"
	// ok: endpoint-literal-go
	sentence = "deploy to eu-west-1 later"
	// ok: endpoint-literal-go
	version = "1.2.3"
	// ok: endpoint-literal-go
	alias = apiBase
	// ok: endpoint-literal-go
	tag = `json:"region"`
	// ok: endpoint-literal-go
	n = 42 // "https://comment.example.com" in a comment
)

/* block comment: https://block.example.com eu-west-1 */

// longer text (issue 12, class 2): raw strings, each candidate on its own line
var transcript = `POST /v1/events HTTP/1.1
// ruleid: endpoint-literal-go
Host: transcript.example.com
// ruleid: endpoint-literal-go
{"region": "ap-southeast-2",
// ruleid: endpoint-literal-go
 "upstream": "198.51.100.23"}
// ok: endpoint-literal-go
deployed to eu-west-2 last year
`

func locations() {
	// ruleid: region-location-go
	q.Location = "US"
	// ruleid: region-location-go
	meta := bigquery.DatasetMetadata{Location: "EU"}
	// ok: region-location-go
	meta.Name = "US"
}
