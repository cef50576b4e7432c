// Gateway-bypass rules, JDBC and DataSources: annotated test file for jdbc.yaml.
package com.example.store

import com.zaxxer.hikari.HikariConfig
import com.zaxxer.hikari.HikariDataSource
import java.sql.Connection
import java.sql.DriverManager
import javax.sql.DataSource
import org.springframework.boot.jdbc.DataSourceBuilder
import org.springframework.jdbc.core.JdbcTemplate
import org.springframework.jdbc.datasource.DriverManagerDataSource

class Store {
    // ruleid: gateway-kotlin-drivermanager-getconnection
    fun open(url: String): Connection = DriverManager.getConnection(url)

    fun hikari(): DataSource {
        val config = HikariConfig()
        // ruleid: gateway-kotlin-hikari-config-jdbcurl
        config.jdbcUrl = "jdbc:postgresql://db.internal/app"
        // ruleid: gateway-kotlin-hikari-config-jdbcurl
        config.setJdbcUrl("jdbc:postgresql://db.internal/app")
        // ok: gateway-kotlin-hikari-config-jdbcurl
        config.maximumPoolSize = 10
        // ruleid: gateway-kotlin-hikari-datasource
        return HikariDataSource(config)
    }

    // ruleid: gateway-kotlin-spring-datasourcebuilder
    fun boot(): DataSource = DataSourceBuilder.create().url("jdbc:mysql://db.internal/app").build()

    // ruleid: gateway-kotlin-spring-jdbctemplate
    fun template(ds: DataSource) = JdbcTemplate(ds)
}

// ruleid: gateway-kotlin-hikari-datasource, gateway-kotlin-hikari-config-jdbcurl
val pooled = HikariDataSource(HikariConfig().apply {
    jdbcUrl = "jdbc:postgresql://db.internal/app"
    maximumPoolSize = 4
})

fun settings(): String {
    // A local named jdbcUrl is no configuration.
    // ok: gateway-kotlin-hikari-config-jdbcurl
    val jdbcUrl = System.getenv("JDBC_URL")
    return jdbcUrl
}

// ruleid: gateway-kotlin-spring-drivermanagerdatasource
val simple = DriverManagerDataSource("jdbc:h2:mem:test")
