// Annotated test file for endpoint-literal-java and region-identifier-java.
package com.example.audit;

import com.amazonaws.regions.Regions;
import java.net.URI;
import software.amazon.awssdk.regions.Region;

public class Endpoints {
    // ruleid: endpoint-literal-java
    static final String API = "https://api.example.com/v1";
    // ruleid: endpoint-literal-java
    static final String JDBC = "jdbc:postgresql://db.example.com:5432/app";
    // ruleid: endpoint-literal-java
    static final String MSSQL = "jdbc:sqlserver://orders.database.windows.net:1433;database=orders";
    // ruleid: endpoint-literal-java
    static final String AMQP = "amqp://guest@mq.example.com:5672";
    // ruleid: endpoint-literal-java
    static final String HOST = "search.example.co.uk";
    // ruleid: endpoint-literal-java
    static final String HOST_PORT = "cache.example.net:6379";
    // ruleid: endpoint-literal-java
    static final String IP = "192.0.2.44";
    // ruleid: endpoint-literal-java
    static final String IP6 = "fe80::1%eth0";
    // ruleid: endpoint-literal-java
    static final String REGION = "eu-north-1";
    // ruleid: endpoint-literal-java
    static final String OCI = "us-ashburn-1";
    // ruleid: endpoint-literal-java
    static final String AZURE = "UK South";
    // ruleid: endpoint-literal-java
    static final String ALIYUN = "cn-hangzhou";

    URI uri() {
        // ruleid: endpoint-literal-java
        return URI.create("https://" + "tenant.example.com");
    }

    // a text block: the annotation below is part of its content
    String block = """
        // ruleid: endpoint-literal-java
        {"url": "https://textblock.example.com/hook"}
        """;

    void sdk() {
        // ruleid: region-identifier-java
        Regions v1 = Regions.US_EAST_1;
        // ruleid: region-identifier-java
        Region v2 = Region.EU_WEST_1;
        // ruleid: region-identifier-java
        Region gov = software.amazon.awssdk.regions.Region.US_GOV_WEST_1;
        // ruleid: region-identifier-java
        Regions govCloud = Regions.GovCloud;
        // ok: region-identifier-java
        Region region = Region.of(name);
        // ok: region-identifier-java
        Object other = Other.US_EAST_1;
    }

    // negatives
    // ok: endpoint-literal-java
    String word = "hello";
    // ok: endpoint-literal-java
    String driver = "org.postgresql.Driver";
    // ok: endpoint-literal-java
    String pkg = "com.example.app";
    // ok: endpoint-literal-java
    String file = "application.properties";
    // ok: endpoint-literal-java
    String alias = API;
    // ok: endpoint-literal-java
    char c = 'x'; // "https://comment.example.com"
    /** Javadoc: https://docs.example.com and eu-west-1 */
    // ok: endpoint-literal-java
    int n = 1;

    // longer text (issue 12, class 2): text blocks, each candidate on its own line
    String payload = """
        // ruleid: endpoint-literal-java
        Host: transcript.example.com
        // ruleid: endpoint-literal-java
        X-Upstream: 198.51.100.23
        // ok: endpoint-literal-java
        deployed to eu-west-2 last year
        """;

    void locations() {
        // ruleid: region-location-java
        DatasetInfo.newBuilder("ds").setLocation("US").build();
        // ok: region-location-java
        DatasetInfo.newBuilder("ds").setDescription("US").build();
    }
}
