// Gateway-bypass rules, document and wide-column stores: annotated test file for nosql.yaml.
package com.example.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.example.fakes.FakeMongoClients;

class Documents {
    MongoClient mongo() {
        // ruleid: gateway-java-mongoclients-create
        return MongoClients.create("mongodb://mongo.internal:27017");
    }

    MongoClient fake() {
        // A class with a similar name from another package.
        // ok: gateway-java-mongoclients-create
        return FakeMongoClients.create("mongodb://mongo.internal:27017");
    }

    CqlSession cassandra() {
        // ruleid: gateway-java-cassandra-cqlsession
        return CqlSession.builder().withKeyspace("app").build();
    }

    Object legacy() {
        // ruleid: gateway-java-mongoclients-create
        return new com.mongodb.MongoClient("mongo.internal", 27017);
    }
}
