// Gateway-bypass rules, AWS SDK clients: annotated test file for aws.yaml.
package blobs

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/firehose"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	"github.com/aws/aws-sdk-go-v2/service/rdsdata"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go/aws/session"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"
	"github.com/aws/aws-sdk-go/service/s3/s3manager"
	ddbv1 "github.com/aws/aws-sdk-go/service/dynamodb"
	firehosev1 "github.com/aws/aws-sdk-go/service/firehose"
	kinesisv1 "github.com/aws/aws-sdk-go/service/kinesis"
	"github.com/aws/aws-sdk-go/service/rdsdataservice"
	snsv1 "github.com/aws/aws-sdk-go/service/sns"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"
)

func V2(ctx context.Context) {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("eu-central-1"))
	// ruleid: gateway-go-awsv2-s3-newfromconfig
	bucket := s3.NewFromConfig(cfg)
	// ruleid: gateway-go-awsv2-dynamodb-newfromconfig
	table := dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) {})
	// ruleid: gateway-go-awsv2-sqs-newfromconfig
	queue := sqs.NewFromConfig(cfg)
	// Identity (STS) is control plane, not data access.
	// ok: gateway-go-awsv2-s3-newfromconfig
	identity := sts.NewFromConfig(cfg)
	_, _, _, _ = bucket, table, queue, identity
}

func V1() {
	sess := session.Must(session.NewSession())
	// ruleid: gateway-go-awsv1-s3-new
	bucket := s3v1.New(sess)
	// ruleid: gateway-go-awsv1-s3manager-newuploader
	uploader := s3manager.NewUploader(sess)
	// ruleid: gateway-go-awsv1-dynamodb-new
	table := ddbv1.New(sess)
	_, _, _ = bucket, uploader, table
}

func MoreV2(ctx context.Context, cfg aws.Config) {
	// ruleid: gateway-go-awsv2-s3-new
	a := s3.New(s3.Options{Region: "eu-west-1"})
	// ruleid: gateway-go-awsv2-dynamodb-new
	b := dynamodb.New(dynamodb.Options{})
	// ruleid: gateway-go-awsv2-sqs-new
	c := sqs.New(sqs.Options{})
	// ruleid: gateway-go-awsv2-sns-newfromconfig
	d := sns.NewFromConfig(cfg)
	// ruleid: gateway-go-awsv2-sns-new
	e := sns.New(sns.Options{})
	// ruleid: gateway-go-awsv2-kinesis-newfromconfig
	f := kinesis.NewFromConfig(cfg)
	// ruleid: gateway-go-awsv2-kinesis-new
	g := kinesis.New(kinesis.Options{})
	// ruleid: gateway-go-awsv2-firehose-newfromconfig
	h := firehose.NewFromConfig(cfg)
	// ruleid: gateway-go-awsv2-firehose-new
	i := firehose.New(firehose.Options{})
	// ruleid: gateway-go-awsv2-rdsdata-newfromconfig
	j := rdsdata.NewFromConfig(cfg)
	// ruleid: gateway-go-awsv2-rdsdata-new
	k := rdsdata.New(rdsdata.Options{})
	_, _, _, _, _, _, _, _, _, _, _ = a, b, c, d, e, f, g, h, i, j, k
}

func MoreV1(sess *session.Session) {
	// ruleid: gateway-go-awsv1-s3manager-newdownloader
	a := s3manager.NewDownloader(sess)
	// ruleid: gateway-go-awsv1-sqs-new
	b := sqsv1.New(sess)
	// ruleid: gateway-go-awsv1-sns-new
	c := snsv1.New(sess)
	// ruleid: gateway-go-awsv1-kinesis-new
	d := kinesisv1.New(sess)
	// ruleid: gateway-go-awsv1-firehose-new
	e := firehosev1.New(sess)
	// ruleid: gateway-go-awsv1-rdsdata-new
	f := rdsdataservice.New(sess)
	_, _, _, _, _, _ = a, b, c, d, e, f
}
