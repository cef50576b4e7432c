// Gateway-bypass rules, HTTP calls: annotated test file for http.yaml. The match is the URL
// argument, which the scanner compares with the protected hosts.
package com.example.client

import java.net.URI
import java.net.URL
import okhttp3.Request
import java.net.http.HttpRequest
import org.springframework.web.client.RestTemplate
import org.springframework.web.reactive.function.client.WebClient

const val USER_DATA = "http://user-data.svc.cluster.local"

class Users(private val rest: RestTemplate) {
    fun calls(id: String) {
        // ruleid: gateway-kotlin-httprequest-uri
        val request = HttpRequest.newBuilder(URI.create("$USER_DATA/users/$id")).build()
        // ruleid: gateway-kotlin-resttemplate
        val body = rest.getForObject("http://user-data.svc.cluster.local/users", String::class.java)
        // ruleid: gateway-kotlin-webclient
        val client = WebClient.create(USER_DATA)
        // ok: gateway-kotlin-httprequest-uri
        val uri = URI.create("http://user-data.svc.cluster.local/users")
    }
}

fun legacy() {
    // ruleid: gateway-kotlin-url-openconnection
    val conn = URL("$USER_DATA/users").openConnection()
    // ruleid: gateway-kotlin-okhttp-request
    val request = Request.Builder().url("http://user-data.svc.cluster.local/users").build()
}
