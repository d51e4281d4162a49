package io.cdp.scoring.bench;

import com.sun.net.httpserver.HttpServer;
import io.cdp.aws.AwsClients;
import io.cdp.aws.AwsSettings;
import io.cdp.features.online.FeatureStoreItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.awscore.endpoints.AccountIdEndpointMode;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The CPU one feature-store read costs the scoring API's calling thread, per DynamoDB client configuration: the same
 * {@code GetItem} the miss path sends (strongly consistent, projected to key, state and version), answered by an
 * HTTP stub in the same process with a small card-state item. The stub's work runs on threads of its own, so
 * the calling thread's CPU time per call ({@code ThreadMXBean}) is the client's: signing, marshalling, the interceptor
 * chain, endpoint and auth resolution, the HTTP client, unmarshalling; the process's CPU less the stub's threads adds
 * what a client does on threads of its own.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreClientBenchmark {

    private static final Map<String, String> PROJECTION_NAMES =
            Map.of("#k", FeatureStoreItem.KEY, "#s", FeatureStoreItem.STATE, "#v", FeatureStoreItem.VERSION);

    private static final String CARD = FeatureStoreItem.cardKey("c-000001");

    /** {@code shipped}: the service's request-path client as built today; the others change one thing each. */
    @Param({"shipped", "static-endpoint", "url-connection", "crt"})
    public String client;

    private HttpServer stub;
    private DynamoDbClient dynamoDb;
    private GetItemRequest request;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** The stub's dispatcher (accepts, reads requests) and handler threads: their CPU is not the client's. */
    private long[] stubThreads = new long[0];

    @Setup(Level.Trial)
    public void start() throws IOException {
        // a small card state: a card with a few transactions in its window (a busy card's state is a few KB)
        byte[] state = new byte[420];
        new Random(7).nextBytes(state);
        byte[] body = ("{\"Item\":{\"" + FeatureStoreItem.KEY + "\":{\"S\":\"" + CARD + "\"},\""
                        + FeatureStoreItem.STATE
                        + "\":{\"B\":\"" + Base64.getEncoder().encodeToString(state) + "\"},\""
                        + FeatureStoreItem.VERSION + "\":{\"N\":\"42\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(body);
        String crc32 = Long.toString(crc.getValue());
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        stub.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "store-stub");
            thread.setDaemon(true);
            return thread;
        }));
        stub.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().add("x-amz-crc32", crc32);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        stub.start();
        URI endpoint = URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
        AwsClients clients = new AwsClients(AwsSettings.local(endpoint));
        Duration timeout = Duration.ofMillis(500);
        dynamoDb = switch (client) {
            case "shipped" -> clients.dynamoDbForRequestPath(timeout, 128);
            case "static-endpoint" -> variant(clients, endpoint, apache(timeout), timeout);
            case "url-connection" ->
                variant(
                        clients,
                        endpoint,
                        UrlConnectionHttpClient.builder()
                                .connectionTimeout(timeout)
                                .socketTimeout(timeout),
                        timeout);
            case "crt" ->
                variant(
                        clients,
                        endpoint,
                        AwsCrtHttpClient.builder().maxConcurrency(128).connectionTimeout(timeout),
                        timeout);
            default -> throw new IllegalArgumentException("unknown client " + client);
        };
        request = GetItemRequest.builder()
                .tableName("cdp-features")
                .consistentRead(true)
                .projectionExpression("#k, #s, #v")
                .expressionAttributeNames(PROJECTION_NAMES)
                .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(CARD)))
                .build();
        GetItemResponse check = dynamoDb.getItem(request);
        if (check.item().get(FeatureStoreItem.STATE).b().asByteArray().length != state.length) {
            throw new IllegalStateException("the stub's item did not come back whole");
        }
        stubThreads = stubThreads();
        if (stubThreads.length != 2) {
            throw new IllegalStateException(
                    "expected the stub's dispatcher and handler threads, found " + stubThreads.length);
        }
    }

    /** The shipped client's Apache settings (AwsClients.dynamoDbForRequestPath). */
    private static ApacheHttpClient.Builder apache(Duration timeout) {
        return ApacheHttpClient.builder()
                .maxConnections(128)
                .connectionTimeout(timeout)
                .connectionAcquisitionTimeout(timeout)
                .socketTimeout(timeout)
                .tcpKeepAlive(true)
                .connectionMaxIdleTime(Duration.ofMinutes(5));
    }

    /**
     * The shipped client's timeouts and retries over {@code http}, with the endpoint resolved once at build time
     * instead of by the endpoint rules on every call, and account-id endpoints off (one identity lookup less per call).
     */
    private static DynamoDbClient variant(
            AwsClients clients, URI endpoint, SdkHttpClient.Builder<?> http, Duration timeout) {
        Endpoint resolved = DynamoDbEndpointProvider.defaultProvider()
                .resolveEndpoint(p -> p.region(clients.settings().region()).endpoint(endpoint.toString()))
                .join();
        return clients.configure(DynamoDbClient.builder(), "dynamodb")
                .httpClientBuilder(http)
                .endpointProvider(p -> CompletableFuture.completedFuture(resolved))
                .accountIdEndpointMode(AccountIdEndpointMode.DISABLED)
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(timeout)
                        .apiCallTimeout(timeout.multipliedBy(2).plusMillis(50))
                        .retryStrategy(b -> b.maxAttempts(2)))
                .build();
    }

    private long stubCpu() {
        long sum = 0;
        for (long id : stubThreads) {
            sum += threads.getThreadCpuTime(id);
        }
        return sum;
    }

    private long[] stubThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("store-stub") || t.getName().startsWith("HTTP-Dispatcher"))
                .mapToLong(Thread::threadId)
                .toArray();
    }

    @TearDown(Level.Trial)
    public void stop() {
        dynamoDb.close();
        stub.stop(0);
    }

    /**
     * CPU over the iteration and calls made (the runner divides): the calling thread's, and the whole process's less
     * the stub's thread. The second also counts a client's own I/O threads (the CRT client's event loop, native), and
     * whatever the JIT and the collector spend meanwhile.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        public long callerCpuNanos;
        public long processCpuNanos;
        public long calls;

        @Setup(Level.Iteration)
        public void reset() {
            callerCpuNanos = 0;
            processCpuNanos = 0;
            calls = 0;
        }
    }

    @Benchmark
    public GetItemResponse getItem(Cpu cpu) {
        long process = os.getProcessCpuTime() - stubCpu();
        long caller = threads.getCurrentThreadCpuTime();
        GetItemResponse response = dynamoDb.getItem(request);
        cpu.callerCpuNanos += threads.getCurrentThreadCpuTime() - caller;
        cpu.processCpuNanos += os.getProcessCpuTime() - stubCpu() - process;
        cpu.calls++;
        return response;
    }
}
