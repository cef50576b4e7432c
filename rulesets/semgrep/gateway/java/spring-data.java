// Gateway-bypass rules, Spring Data repositories: annotated test file for spring-data.yaml.
package com.example.users;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.elasticsearch.repository.ElasticsearchRepository;
import org.springframework.data.r2dbc.repository.R2dbcRepository;
import org.springframework.data.cassandra.repository.CassandraRepository;
import org.springframework.stereotype.Repository;

@Repository
// ruleid: gateway-java-repository-jpa, gateway-java-repository-extends
public interface UserRepository extends JpaRepository<User, Long> {
    Optional<User> findByEmail(String email);
}

// ruleid: gateway-java-repository-commons, gateway-java-repository-extends
interface SessionRepo extends CrudRepository<Session, String>, Auditing {}

// ruleid: gateway-java-repository-mongodb, gateway-java-repository-extends
interface EventDao extends MongoRepository<Event, String> {}

// ruleid: gateway-java-repository-elasticsearch, gateway-java-repository-extends
interface SearchRepository extends Auditing, ElasticsearchRepository<Doc, String> {}

// ruleid: gateway-java-repository-r2dbc, gateway-java-repository-extends
interface OrderRepository extends R2dbcRepository<Order, Long> {}

// ruleid: gateway-java-repository-cassandra, gateway-java-repository-extends
interface ReadingRepository extends CassandraRepository<Reading, java.util.UUID> {}

// ok: gateway-java-repository-commons
interface Auditing {}

// A repository of the project's own making, not Spring Data's.
// ok: gateway-java-repository-jpa
// ruleid: gateway-java-repository-extends
interface LocalRepository extends com.acme.JpaRepository<User, Long> {}

// A project's own base interface (Spring Data's @NoRepositoryBean), and a repository declared
// through it: both are repositories.
// ruleid: gateway-java-repository-jpa, gateway-java-repository-extends
interface BaseRepo<T> extends JpaRepository<T, Long> {}

// ruleid: gateway-java-repository-extends
interface CustomerRepo extends BaseRepo<User> {}

class UserService {
    private final UserRepository users;
    private final Mailer mailer;

    UserService(UserRepository users, Mailer mailer) {
        this.users = users;
        this.mailer = mailer;
    }

    User find(String email, SessionRepo sessions) {
        // ruleid: gateway-java-repository-call
        sessions.deleteById(email);
        // ok: gateway-java-repository-call
        // ruleid: gateway-java-repository-field-call
        mailer.send(email);
        // ruleid: gateway-java-repository-call, gateway-java-repository-field-call
        return users.findByEmail(email).orElseThrow();
    }
}

// MyBatis mappers are often named like services: calls on fields of any plain type are
// candidates (the scan keeps those whose type the tree declares a mapper or repository).
@lombok.AllArgsConstructor
class ArticleQueryService {
    private ArticleReadService articleReadService;
    private final java.util.List<String> tags;

    Object find(String id, Helper helper) {
        // ruleid: gateway-java-repository-field-call
        this.articleReadService.findBySlug(id);
        // A parameter, and a generic field: no candidate.
        // ok: gateway-java-repository-field-call
        helper.help(id);
        // ok: gateway-java-repository-field-call
        tags.size();
        // ruleid: gateway-java-repository-field-call
        return articleReadService.findById(id);
    }
}
