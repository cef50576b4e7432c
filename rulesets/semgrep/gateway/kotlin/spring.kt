// Gateway-bypass rules, injected Spring clients: annotated test file for spring.yaml.
package com.example.orders

import co.elastic.clients.elasticsearch.ElasticsearchClient
import jakarta.persistence.EntityManager
import org.apache.ibatis.session.SqlSession
import org.jooq.DSLContext
import org.springframework.beans.factory.annotation.Autowired
import org.springframework.data.mongodb.core.MongoTemplate
import org.springframework.data.redis.core.StringRedisTemplate
import org.springframework.jdbc.core.JdbcTemplate
import org.springframework.r2dbc.core.DatabaseClient
import org.springframework.stereotype.Service

@Service
class OrderService(
    private val jdbc: JdbcTemplate,
    private val redis: StringRedisTemplate,
    private val dsl: DSLContext,
) {
    @Autowired lateinit var mongo: MongoTemplate
    @Autowired lateinit var em: EntityManager
    private val lookalike: com.acme.cache.StringRedisTemplate = com.acme.cache.StringRedisTemplate()

    fun order(id: Long, r2dbc: DatabaseClient, mybatis: SqlSession, search: ElasticsearchClient): Any? {
        // ruleid: gateway-kotlin-mybatis-sqlsession-injected
        mybatis.selectOne<Any>("orders.byId", id)
        // ruleid: gateway-kotlin-elasticsearch-injected
        search.info()
        // ruleid: gateway-kotlin-spring-jdbc-injected
        jdbc.queryForList("select * from orders where id = ?", id)
        // ruleid: gateway-kotlin-spring-redis-injected
        redis.opsForValue().set("order:$id", "x")
        // ruleid: gateway-kotlin-jooq-dslcontext-injected
        dsl.fetchCount(null)
        // ruleid: gateway-kotlin-spring-mongo-injected
        mongo.findById(id, Any::class.java)
        // ruleid: gateway-kotlin-jpa-entitymanager-injected
        em.find(Any::class.java, id)
        // ruleid: gateway-kotlin-r2dbc-databaseclient-injected
        r2dbc.sql("select 1").fetch()
        // A same-named class of another package is not Spring's.
        // ok: gateway-kotlin-spring-redis-injected
        lookalike.opsForValue()
        return null
    }
}
