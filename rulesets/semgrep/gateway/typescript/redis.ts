// Gateway-bypass rules, Redis: annotated test file for redis.yaml.
import { createClient, RedisClientType } from 'redis';
import { Redis } from 'ioredis';
import { Redis as UpstashRedis } from '@upstash/redis';

// ruleid: gateway-typescript-redis-createclient
export const cache: RedisClientType = createClient({ url: process.env.REDIS_URL });
// ruleid: gateway-typescript-ioredis
export const sessions = new Redis({ host: 'sessions.internal' });
// An HTTP-based client from another package is not this driver.
// ok: gateway-typescript-ioredis
export const edge = new UpstashRedis({ url: 'https://edge.example', token: 't' });
