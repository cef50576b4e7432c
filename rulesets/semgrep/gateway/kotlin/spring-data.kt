// Gateway-bypass rules, Spring Data repositories: annotated test file for spring-data.yaml.
package com.example.users

import org.springframework.data.jpa.repository.JpaRepository
import org.springframework.data.mongodb.repository.*
import org.springframework.data.r2dbc.repository.R2dbcRepository
import org.springframework.data.cassandra.repository.CassandraRepository
import org.springframework.data.elasticsearch.repository.ElasticsearchRepository
import org.springframework.data.repository.CrudRepository

// ruleid: gateway-kotlin-repository-jpa, gateway-kotlin-repository-extends
interface UserRepository : JpaRepository<User, Long> {
    fun findByEmail(email: String): User?
}

// ruleid: gateway-kotlin-repository-mongodb, gateway-kotlin-repository-extends
interface EventDao : MongoRepository<Event, String>

// ruleid: gateway-kotlin-repository-commons, gateway-kotlin-repository-extends
interface SessionRepo : CrudRepository<Session, String>, Auditing

// ruleid: gateway-kotlin-repository-r2dbc, gateway-kotlin-repository-extends
interface OrderRepository : R2dbcRepository<Order, Long>

// ruleid: gateway-kotlin-repository-cassandra, gateway-kotlin-repository-extends
interface ReadingRepository : CassandraRepository<Reading, UUID>

// ruleid: gateway-kotlin-repository-elasticsearch, gateway-kotlin-repository-extends
interface SearchRepository : ElasticsearchRepository<Doc, String>

// A repository of the project's own making, not Spring Data's.
// ok: gateway-kotlin-repository-jpa
// ruleid: gateway-kotlin-repository-extends
interface LocalRepository : com.acme.JpaRepository<User, Long>

// ok: gateway-kotlin-repository-commons
interface Auditing

// A project's own base interface, and a repository declared through it.
// ruleid: gateway-kotlin-repository-jpa, gateway-kotlin-repository-extends
interface BaseRepo<T> : JpaRepository<T, Long>

// ruleid: gateway-kotlin-repository-extends
interface CustomerRepo : BaseRepo<User>

class UserService(private val users: UserRepository, private val mailer: Mailer) {
    fun find(email: String): User? {
        // ok: gateway-kotlin-repository-call
        mailer.send(email)
        // ruleid: gateway-kotlin-repository-call
        return users.findByEmail(email)
    }
}
