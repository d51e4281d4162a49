package io.cdp.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/up", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/down", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void healthyOnlyWhenTheProbeAnswers2xx() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        assertThat(HealthCheck.check(URI.create(base + "/up"), Duration.ofSeconds(2)))
                .isTrue();
        assertThat(HealthCheck.check(URI.create(base + "/down"), Duration.ofSeconds(2)))
                .isFalse();
    }

    @Test
    void unhealthyWhenNothingListens() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(HealthCheck.check(URI.create("http://127.0.0.1:" + port + "/up"), Duration.ofSeconds(1)))
                .isFalse();
    }
}
