// Gateway-bypass rules, Redis: annotated test file for redis.yaml.
package com.example.cache

import io.lettuce.core.RedisClient
import redis.clients.jedis.Jedis
import redis.clients.jedis.JedisPool
import redis.clients.jedis.JedisPoolConfig

// ruleid: gateway-kotlin-jedispool
val pool = JedisPool(JedisPoolConfig(), "cache.internal")
// ruleid: gateway-kotlin-lettuce-redisclient
val lettuce: RedisClient = RedisClient.create("redis://cache.internal:6379")
// ok: gateway-kotlin-jedispool
val config = JedisPoolConfig()
// ruleid: gateway-kotlin-jedis
val jedis = Jedis("cache.internal", 6379)
