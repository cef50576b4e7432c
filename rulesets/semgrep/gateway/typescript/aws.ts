// Gateway-bypass rules, AWS SDK clients: annotated test file for aws.yaml.
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient, DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { SQS } from '@aws-sdk/client-sqs';
import { SNSClient } from '@aws-sdk/client-sns';
import { Kinesis } from '@aws-sdk/client-kinesis';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import * as AWS from 'aws-sdk';

const cfg: DynamoDBClientConfig = { region: 'eu-west-1' };

export class Storage {
  // ruleid: gateway-typescript-awsv3-s3
  private readonly s3 = new S3Client({ region: 'eu-west-1' });
  // ruleid: gateway-typescript-awsv3-dynamodb
  private readonly ddb: DynamoDBClient = new DynamoDBClient(cfg);

  get(key: string) {
    return this.s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
  }
}

// ruleid: gateway-typescript-awsv3-sqs
const queue = new SQS({});
// ruleid: gateway-typescript-awsv3-sns
const topics = new SNSClient({});
// ruleid: gateway-typescript-awsv3-kinesis
const stream = new Kinesis({});
// ok: gateway-typescript-awsv3-s3
const stacks = new CloudFormationClient({});
// ruleid: gateway-typescript-awsv2-s3
const legacyBucket = new AWS.S3();
// ruleid: gateway-typescript-awsv2-dynamodb
const legacyTable = new AWS.DynamoDB();
