// Gateway-bypass rules, Redis: annotated test file for redis.yaml.
import { createClient } from 'redis';
import Redis from 'ioredis';
import { createClient as createSoapClient } from 'soap';

// ruleid: gateway-javascript-redis-createclient
const cache = createClient({ url: 'redis://cache.internal:6379' });
// ruleid: gateway-javascript-ioredis
const sessions = new Redis(6379, 'sessions.internal');
// ruleid: gateway-javascript-ioredis
const cluster = new Redis.Cluster([{ host: 'cluster.internal', port: 6379 }]);
// ok: gateway-javascript-redis-createclient
const soap = createSoapClient('http://example.test/wsdl');

function lazy() {
  const IORedis = require('ioredis');
  // ruleid: gateway-javascript-ioredis
  return new IORedis();
}

function nodeRedis() {
  const redis = require('redis');
  // ruleid: gateway-javascript-redis-createclient
  return redis.createClient();
}
