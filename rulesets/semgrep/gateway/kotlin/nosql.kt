// Gateway-bypass rules, document stores: annotated test file for nosql.yaml.
package com.example.store

import com.datastax.oss.driver.api.core.CqlSession
import com.mongodb.client.MongoClients
import com.example.fakes.FakeMongoClients

// ruleid: gateway-kotlin-mongoclients-create
val mongo = MongoClients.create("mongodb://mongo.internal:27017")
// ok: gateway-kotlin-mongoclients-create
val fake = FakeMongoClients.create("mongodb://mongo.internal:27017")
// ruleid: gateway-kotlin-cassandra-cqlsession
val cql = CqlSession.builder().build()
