package com.clover.moderation;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import redis.clients.jedis.Jedis;

/** Evidence snapshots (frames, transcripts) kept while a case is open. */
public final class EvidenceStore implements AutoCloseable {

    private final MongoClient mongo;
    private final Jedis locks;

    public EvidenceStore() {
        this.mongo = MongoClients.create("mongodb://evidence.clover.internal:27017/?tls=true"); // auditkit-expect: gateway.bypass
        this.locks = new Jedis("cache.clover.internal", 6379); // auditkit-expect: gateway.bypass
    }

    public void save(String caseId, Document evidence) {
        MongoCollection<Document> cases = mongo.getDatabase("evidence").getCollection("cases");
        cases.insertOne(evidence.append("case_id", caseId));
    }

    public boolean lockCase(String caseId, String moderatorId) {
        return "OK".equals(locks.set("case-lock:" + caseId, moderatorId));
    }

    @Override
    public void close() {
        locks.close();
        mongo.close();
    }
}
