// Annotated test file for endpoint-literal-kotlin and region-identifier-kotlin.
package com.example.audit

import com.amazonaws.regions.Regions
import java.net.URI
import software.amazon.awssdk.regions.Region

object Endpoints {
    // ruleid: endpoint-literal-kotlin
    const val API = "https://api.example.com/v1"
    // ruleid: endpoint-literal-kotlin
    const val JDBC = "jdbc:postgresql://db.example.com:5432/app"
    // ruleid: endpoint-literal-kotlin
    const val HOST = "search.example.co.uk"
    // ruleid: endpoint-literal-kotlin
    const val HOST_PORT = "cache.example.net:6379"
    // ruleid: endpoint-literal-kotlin
    const val IP = "192.0.2.44"
    // ruleid: endpoint-literal-kotlin
    const val REGION = "eu-north-1"
    // ruleid: endpoint-literal-kotlin
    const val AZURE = "UK South"
    // ruleid: endpoint-literal-kotlin
    val hosts = listOf("a.example.com", "b.example.com")

    fun uri(tenant: String): URI {
        // ruleid: endpoint-literal-kotlin
        val base = URI.create("https://" + "tenant.example.com")
        // the constant part of a template after ${...}
        // ruleid: endpoint-literal-kotlin
        val templated = "https://${tenant}.s3.eu-west-1.amazonaws.com/media"
        return base.resolve(templated)
    }

    // a raw string: URL tokens inside it are found
    val raw = """
        // ruleid: endpoint-literal-kotlin
        {"hook": "https://raw.example.com/hook"}
        """

    fun sdk(name: String) {
        // ruleid: region-identifier-kotlin
        val v1 = Regions.US_EAST_1
        // ruleid: region-identifier-kotlin
        val v2 = Region.EU_WEST_1
        // ruleid: region-identifier-kotlin
        val gov = software.amazon.awssdk.regions.Region.US_GOV_WEST_1
        // ok: region-identifier-kotlin
        val region = Region.of(name)
        // ok: region-identifier-kotlin
        val other = Other.US_EAST_1
    }

    // negatives
    // ok: endpoint-literal-kotlin
    val word = "hello"
    // ok: endpoint-literal-kotlin
    val driver = "org.postgresql.Driver"
    // ok: endpoint-literal-kotlin
    val pkg = "com.example.app"
    // ok: endpoint-literal-kotlin
    val file = "application.properties"
    // ok: endpoint-literal-kotlin
    val alias = API
    // ok: endpoint-literal-kotlin
    val c = 'x' // "https://comment.example.com"
    /** KDoc: https://docs.example.com and eu-west-1 */
    // ok: endpoint-literal-kotlin
    val n = 1
}
