// Gateway-bypass rules, document and search stores: annotated test file for nosql.yaml.
import { MongoClient, Db } from 'mongodb';
import * as mongoose from 'mongoose';
import { Client as ElasticClient } from '@elastic/elasticsearch';
import { Client as OpenSearchClient } from '@opensearch-project/opensearch';
import cassandra from 'cassandra-driver';
import type { Client } from 'cassandra-driver';

export async function database(): Promise<Db> {
  // ruleid: gateway-typescript-mongodb-mongoclient
  const client: MongoClient = new MongoClient(process.env.MONGO_URL as string);
  return client.db('app');
}

// ruleid: gateway-typescript-mongodb-mongoclient-connect
const legacy = MongoClient.connect('mongodb://mongo.internal');
// ruleid: gateway-typescript-mongoose-connect
await mongoose.connect('mongodb://mongo.internal/app');
// ruleid: gateway-typescript-elasticsearch-client
const es = new ElasticClient({ node: 'http://es.internal:9200' });
// ruleid: gateway-typescript-elasticsearch-client
const os = new OpenSearchClient({ node: 'https://search.internal:9200' });
// ruleid: gateway-typescript-cassandra-client
const cql: Client = new cassandra.Client({ contactPoints: ['cassandra.internal'] });
