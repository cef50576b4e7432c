// Gateway-bypass rules, AWS SDK clients: annotated test file for aws.yaml.
package com.example.blobs

import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.dynamodb.DynamoDbClient
import software.amazon.awssdk.services.s3.S3Client
import software.amazon.awssdk.services.sts.StsClient

object Clients {
    // ruleid: gateway-kotlin-awsv2-s3
    val s3: S3Client = S3Client.builder().region(Region.EU_WEST_1).build()
    // ruleid: gateway-kotlin-awsv2-dynamodb
    val ddb: DynamoDbClient = DynamoDbClient.create()
    // ok: gateway-kotlin-awsv2-s3
    val sts: StsClient = StsClient.create()
}

object MoreClients {
    // ruleid: gateway-kotlin-awsv1-s3
    val legacyS3 = com.amazonaws.services.s3.AmazonS3ClientBuilder.defaultClient()
    // ruleid: gateway-kotlin-awsv1-dynamodb
    val legacyTable = com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder.standard().build()
    // ruleid: gateway-kotlin-awsv1-sqs
    val legacyQueue = com.amazonaws.services.sqs.AmazonSQSClientBuilder.defaultClient()
    // ruleid: gateway-kotlin-awsv1-sns
    val legacyTopic = com.amazonaws.services.sns.AmazonSNSClientBuilder.defaultClient()
    // ruleid: gateway-kotlin-awsv1-kinesis
    val legacyStream = com.amazonaws.services.kinesis.AmazonKinesisClientBuilder.defaultClient()
    // ruleid: gateway-kotlin-awsv2-sqs
    val queue = software.amazon.awssdk.services.sqs.SqsClient.create()
    // ruleid: gateway-kotlin-awsv2-sns
    val topic = software.amazon.awssdk.services.sns.SnsClient.create()
    // ruleid: gateway-kotlin-awsv2-kinesis
    val stream = software.amazon.awssdk.services.kinesis.KinesisClient.builder().build()
}
