// Gateway-bypass rules, AWS SDK clients: annotated test file for aws.yaml.
package com.example.blobs;

import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
import com.amazonaws.services.kinesis.AmazonKinesisClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.securitytoken.AWSSecurityTokenServiceClientBuilder;
import com.amazonaws.services.sns.AmazonSNSClientBuilder;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

class Blobs {
    void v1() {
        // ruleid: gateway-java-awsv1-s3
        AmazonS3 s3 = AmazonS3ClientBuilder.standard().withRegion("eu-west-1").build();
        // ruleid: gateway-java-awsv1-s3
        AmazonS3 byDefault = AmazonS3ClientBuilder.defaultClient();
        // ruleid: gateway-java-awsv1-dynamodb
        Object table = AmazonDynamoDBClientBuilder.standard().build();
        // ok: gateway-java-awsv1-s3
        Object sts = AWSSecurityTokenServiceClientBuilder.standard().build();
    }

    void v2() {
        // ruleid: gateway-java-awsv2-s3
        S3Client s3 = S3Client.builder()
            .region(Region.EU_CENTRAL_1)
            .build();
        // ruleid: gateway-java-awsv2-s3
        S3Client plain = S3Client.create();
        // ruleid: gateway-java-awsv2-dynamodb
        DynamoDbClient ddb = DynamoDbClient.builder().build();
        // ruleid: gateway-java-awsv2-sqs
        SqsClient sqs = SqsClient.create();
        // Identity is control plane, not data access.
        // ok: gateway-java-awsv2-s3
        StsClient sts = StsClient.create();
    }

    void messaging() {
        // ruleid: gateway-java-awsv1-sqs
        Object queue = AmazonSQSClientBuilder.defaultClient();
        // ruleid: gateway-java-awsv1-sns
        Object topic = AmazonSNSClientBuilder.standard().build();
        // ruleid: gateway-java-awsv1-kinesis
        Object stream = AmazonKinesisClientBuilder.standard().build();
        // ruleid: gateway-java-awsv2-sns
        SnsClient sns = SnsClient.builder().build();
        // ruleid: gateway-java-awsv2-kinesis
        KinesisClient kinesis = KinesisClient.create();
    }
}
