// Gateway-bypass rules, Redis: annotated test file for redis.yaml.
package com.example.cache;

import io.lettuce.core.RedisClient;
import redis.clients.jedis.*;

class Caches {
    void clients() {
        // ruleid: gateway-java-jedis
        Jedis jedis = new Jedis("cache.internal", 6379);
        // ruleid: gateway-java-jedispool
        JedisPool pool = new JedisPool(new JedisPoolConfig(), "cache.internal");
        // ruleid: gateway-java-lettuce-redisclient
        RedisClient lettuce = RedisClient.create("redis://cache.internal:6379");
        // ok: gateway-java-jedispool
        JedisPoolConfig config = new JedisPoolConfig();
    }
}
