// Gateway-bypass rules, AWS SDK for .NET: annotated test file for aws.yaml.
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.Kinesis;
using Amazon.S3;
using Amazon.S3Control;
using Amazon.SimpleNotificationService;
using Amazon.SQS;

namespace Shop.Cloud
{
    public class Storage
    {
        private readonly IAmazonS3 _s3;

        public Storage(IAmazonS3 s3)
        {
            _s3 = s3;
        }

        public void Run()
        {
            // ruleid: gateway-csharp-aws-s3
            var s3 = new AmazonS3Client();
            // ruleid: gateway-csharp-aws-s3
            _s3.PutObjectAsync(null);
            // ruleid: gateway-csharp-aws-dynamodb
            var ddb = new AmazonDynamoDBClient();
            // ruleid: gateway-csharp-aws-dynamodb
            var context = new DynamoDBContext(ddb);
            // ruleid: gateway-csharp-aws-sqs
            var sqs = new AmazonSQSClient();
            // ruleid: gateway-csharp-aws-sns
            var sns = new AmazonSimpleNotificationServiceClient();
            // ruleid: gateway-csharp-aws-kinesis
            var kinesis = new AmazonKinesisClient();
            // S3 Control manages account settings and access points: control plane.
            // ok: gateway-csharp-aws-s3
            var control = new AmazonS3ControlClient();
        }
    }
}
