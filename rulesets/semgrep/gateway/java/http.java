// Gateway-bypass rules, HTTP calls: annotated test file for http.yaml. The match is the URL
// argument, which the scanner compares with the protected hosts.
package com.example.client;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import okhttp3.Request;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

class Users {
    private static final String USER_DATA = "http://user-data.svc.cluster.local";
    private final RestTemplate rest = new RestTemplate();

    void calls(String id) throws Exception {
        // ruleid: gateway-java-httprequest-uri
        HttpRequest request = HttpRequest.newBuilder(URI.create(USER_DATA + "/users/" + id)).build();
        HttpRequest other = HttpRequest.newBuilder()
            // ruleid: gateway-java-httprequest-uri
            .uri(URI.create("http://user-data.svc.cluster.local/users"))
            .build();
        // ruleid: gateway-java-resttemplate
        String body = rest.getForObject("http://user-data.svc.cluster.local/users/{id}", String.class, id);
        // ruleid: gateway-java-webclient
        WebClient client = WebClient.create("http://user-data.svc.cluster.local");
        // ruleid: gateway-java-url-openconnection
        Object conn = new URL(USER_DATA + "/users").openConnection();
        // ruleid: gateway-java-okhttp-request
        Request ok = new Request.Builder().url("http://user-data.svc.cluster.local/users").build();
        // ok: gateway-java-httprequest-uri
        URI uri = URI.create("http://user-data.svc.cluster.local/users");
    }
}
