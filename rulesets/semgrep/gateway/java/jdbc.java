// Gateway-bypass rules, JDBC and DataSources: annotated test file for jdbc.yaml.
package com.example.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class Store {
    Connection open(String url) throws Exception {
        // ruleid: gateway-java-drivermanager-getconnection
        return DriverManager.getConnection(url, "app", System.getenv("DB_PASSWORD"));
    }

    Connection qualified() throws Exception {
        // ruleid: gateway-java-drivermanager-getconnection
        return java.sql.DriverManager.getConnection("jdbc:postgresql://db.internal/app");
    }

    DataSource hikari() {
        HikariConfig config = new HikariConfig();
        // ruleid: gateway-java-hikari-config-jdbcurl
        config.setJdbcUrl("jdbc:postgresql://db.internal/app");
        // ok: gateway-java-hikari-config-jdbcurl
        config.setMaximumPoolSize(10);
        // ruleid: gateway-java-hikari-datasource
        return new HikariDataSource(config);
    }

    @Bean
    DataSource boot() {
        // ruleid: gateway-java-spring-datasourcebuilder
        return DataSourceBuilder.create().url("jdbc:mysql://db.internal/app").build();
    }

    DataSource plain() {
        // ruleid: gateway-java-spring-drivermanagerdatasource
        return new DriverManagerDataSource("jdbc:h2:mem:test");
    }

    JdbcTemplate template(DataSource dataSource) {
        // ruleid: gateway-java-spring-jdbctemplate
        return new JdbcTemplate(dataSource);
    }
}
