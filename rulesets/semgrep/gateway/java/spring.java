// Gateway-bypass rules, injected Spring clients: annotated test file for spring.yaml.
package com.example.orders;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import lombok.RequiredArgsConstructor;
import org.apache.ibatis.session.SqlSession;
import org.hibernate.Session;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import javax.annotation.Resource;

@Service
@RequiredArgsConstructor
class OrderService {
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    @Autowired private RedisTemplate<String, Object> redis;
    @Resource private StringRedisTemplate strings;
    @Autowired private MongoTemplate mongo;
    @PersistenceContext private EntityManager em;
    private final DSLContext dsl;
    private final DatabaseClient r2dbc;
    private final ElasticsearchClient search;

    Object orders(long id, Session session, SqlSession mybatis) {
        // ruleid: gateway-java-spring-jdbc-injected
        jdbc.queryForList("select * from orders where id = ?", id);
        // ruleid: gateway-java-spring-jdbc-injected
        named.update("delete from orders where id = :id", java.util.Map.of("id", id));
        // ruleid: gateway-java-spring-redis-injected
        redis.opsForValue().set("order:" + id, "x");
        // ruleid: gateway-java-spring-redis-injected
        this.strings.delete("order:" + id);
        // ruleid: gateway-java-spring-mongo-injected
        mongo.findById(id, Object.class);
        // ruleid: gateway-java-jpa-entitymanager-injected
        em.find(Object.class, id);
        // ruleid: gateway-java-jpa-entitymanager-injected
        session.get(Object.class, id);
        // ruleid: gateway-java-mybatis-sqlsession-injected
        mybatis.selectOne("orders.byId", id);
        // ruleid: gateway-java-jooq-dslcontext-injected
        dsl.selectFrom(null).fetch();
        // ruleid: gateway-java-r2dbc-databaseclient-injected
        r2dbc.sql("select 1").fetch();
        // ruleid: gateway-java-elasticsearch-injected
        return search.info();
    }

    OrderService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // ruleid: gateway-java-spring-jdbc-injected
        jdbc.execute("select 1");
    }

    void local(javax.sql.DataSource ds) {
        JdbcTemplate template = new JdbcTemplate(ds);
        // ruleid: gateway-java-spring-jdbc-injected
        template.update("insert into audit values (1)");
    }

    // A same-named class of another package is not Spring's.
    private com.acme.cache.RedisTemplate lookalike;

    void other() {
        // ok: gateway-java-spring-redis-injected
        lookalike.opsForValue();
    }
}
