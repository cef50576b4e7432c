// Gateway-bypass rules, document and search stores: annotated test file for nosql.yaml.
const { MongoClient } = require('mongodb');
const mongoose = require('mongoose');
const { Client: Elastic } = require('@elastic/elasticsearch');
const cassandra = require('cassandra-driver');
const { Client } = require('pg-query-stream-helpers');

// ruleid: gateway-javascript-mongodb-mongoclient
const mongo = new MongoClient(process.env.MONGO_URL);

async function connectLegacy() {
  // ruleid: gateway-javascript-mongodb-mongoclient-connect
  const client = await MongoClient.connect('mongodb://mongo.internal:27017');
  return client.db('users');
}

// ruleid: gateway-javascript-mongoose-connect
mongoose.connect('mongodb://mongo.internal/app');
// ruleid: gateway-javascript-mongoose-connect
const secondary = mongoose.createConnection('mongodb://mongo-replica.internal/app');
// ok: gateway-javascript-mongoose-connect
const User = mongoose.model('User', new mongoose.Schema({ name: String }));

// ruleid: gateway-javascript-elasticsearch-client
const search = new Elastic({ node: 'http://es.internal:9200' });
// ruleid: gateway-javascript-cassandra-client
const cql = new cassandra.Client({ contactPoints: ['cassandra.internal'] });
// A Client from an unrelated library is not Cassandra or Elasticsearch.
// ok: gateway-javascript-cassandra-client
const other = new Client();
// ok: gateway-javascript-mongodb-mongoclient
const fake = new FakeMongoClient();
