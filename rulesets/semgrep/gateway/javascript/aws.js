// Gateway-bypass rules, AWS SDK clients: annotated test file for aws.yaml.
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import * as ddb from '@aws-sdk/client-dynamodb';
import { SQSClient as Queue } from '@aws-sdk/client-sqs';
import { SNSClient } from '@aws-sdk/client-sns';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { STSClient } from '@aws-sdk/client-sts';
import { S3Client as MinioLikeClient } from './local-s3-shim';

// ruleid: gateway-javascript-awsv3-s3
const s3 = new S3Client({ region: 'eu-central-1' });
await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'x' }));
// ruleid: gateway-javascript-awsv3-dynamodb
const dynamo = new ddb.DynamoDBClient({});
// ruleid: gateway-javascript-awsv3-sqs
const queue = new Queue({});
// ruleid: gateway-javascript-awsv3-sns
const topics = new SNSClient({});
// ruleid: gateway-javascript-awsv3-kinesis
const stream = new KinesisClient({});
// Identity and control-plane clients are not data access.
// ok: gateway-javascript-awsv3-s3
const sts = new STSClient({});
// ok: gateway-javascript-awsv3-s3
const local = new MinioLikeClient({});

function legacy() {
  const AWS = require('aws-sdk');
  // ruleid: gateway-javascript-awsv2-s3
  const bucket = new AWS.S3({ region: 'eu-west-1' });
  // ruleid: gateway-javascript-awsv2-dynamodb
  const docs = new AWS.DynamoDB.DocumentClient();
  return [bucket, docs];
}

function legacyClientOnly() {
  const S3 = require('aws-sdk/clients/s3');
  // ruleid: gateway-javascript-awsv2-s3
  return new S3();
}
