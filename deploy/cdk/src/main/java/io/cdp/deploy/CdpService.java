package io.cdp.deploy;

import io.cdp.events.resources.CdpResources.Zone;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one entry per deployable unit of the suite: its module (which is also its image name and its compose service),
 * trust zone, port, size and how it is reached. The CDK app builds its ECS services from this list;
 * {@code docker-compose.yml} is checked against it (ComposeFileTest), and Jib names every image by the same rule as
 * {@link #image(String, String)} (root pom: {@code <registry>cdp/<module>:<tag>}). A new service is one line here, one
 * compose entry and one module under {@code services/}.
 *
 * @param module the Maven module under {@code services/}, the image name and the compose service name
 * @param kind a long-running service or a batch job
 * @param zone the trust zone: only CORE may decrypt PII (its task role is on the PII key's policy)
 * @param port the HTTP port ({@code server.port: ${PORT:<n>}} in the module's application.yml), 0 for a job
 * @param cpu Fargate CPU units of one task
 * @param memoryMiB memory of one task (Fargate) and of the compose container
 * @param ingress how callers reach it
 * @param streamConsumer whether it consumes Kinesis (then it scales on iterator age too)
 */
public record CdpService(
        String module,
        Kind kind,
        Zone zone,
        int port,
        int cpu,
        int memoryMiB,
        Ingress ingress,
        boolean streamConsumer) {

    public enum Kind {
        SERVICE,
        JOB
    }

    public enum Ingress {
        /** Behind the internal ALB (with WAF): the bank's own callers. */
        INTERNAL_ALB,
        /** Reached by its own zone only, through ECS Service Connect (no load balancer). */
        SERVICE_CONNECT,
        /** Not reached at all (a batch job). */
        NONE
    }

    public static final CdpService SCORING_API =
            new CdpService("scoring-api", Kind.SERVICE, Zone.CDP, 8080, 1024, 2048, Ingress.INTERNAL_ALB, false);
    public static final CdpService CORE_BANKING =
            new CdpService("core-banking", Kind.SERVICE, Zone.CORE, 8081, 512, 1024, Ingress.SERVICE_CONNECT, false);
    public static final CdpService STREAM_TRANSFORMER =
            new CdpService("stream-transformer", Kind.SERVICE, Zone.CDP, 8082, 1024, 2048, Ingress.NONE, true);
    public static final CdpService CUSTOMER_360 =
            new CdpService("customer-360", Kind.SERVICE, Zone.CDP, 8083, 512, 1024, Ingress.INTERNAL_ALB, true);
    /** Consumes the SQS alert queue, not Kinesis: it scales on queue depth. */
    public static final CdpService ALERTING =
            new CdpService("alerting", Kind.SERVICE, Zone.CORE, 8084, 512, 1024, Ingress.NONE, false);

    /**
     * The analysts' web console: reads the scored stream (a view, not a consumer group: it does not scale on iterator
     * age), the lake and three tables read-only, and calls customer-360 and the scoring API with the user's token.
     */
    public static final CdpService CONSOLE =
            new CdpService("console", Kind.SERVICE, Zone.CDP, 8085, 512, 1024, Ingress.INTERNAL_ALB, false);

    public static final CdpService MODEL_TRAINER =
            new CdpService("model-trainer", Kind.JOB, Zone.CDP, 0, 2048, 8192, Ingress.NONE, false);

    /** Every service and job, in the order the ports go. */
    public static final List<CdpService> ALL =
            List.of(SCORING_API, CORE_BANKING, STREAM_TRANSFORMER, CUSTOMER_360, ALERTING, CONSOLE, MODEL_TRAINER);

    /** The image repository name, without registry or tag: what Jib's {@code to.image} names. */
    public static final String IMAGE_PREFIX = "cdp/";

    /** Liveness and readiness probes of every service (Spring Boot actuator health groups). */
    public static final String LIVENESS_PATH = "/actuator/health/liveness";

    public static final String READINESS_PATH = "/actuator/health/readiness";

    public CdpService {
        if (!module.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("module name must be lower-case with hyphens: " + module);
        }
        if ((kind == Kind.SERVICE) != (port > 0)) {
            throw new IllegalArgumentException(module + ": a service has a port, a job none");
        }
    }

    /** {@code <registry>cdp/<module>:<tag>}, the same rule as the root pom's Jib {@code to.image}. */
    public String image(String registry, String tag) {
        return registry + IMAGE_PREFIX + module + ":" + tag;
    }

    /** The image repository ({@code cdp/<module>}): one ECR repository per service. */
    public String repository() {
        return IMAGE_PREFIX + module;
    }

    public boolean isService() {
        return kind == Kind.SERVICE;
    }

    public static Optional<CdpService> byModule(String module) {
        return ALL.stream().filter(s -> s.module.equals(module)).findFirst();
    }

    public static List<CdpService> services() {
        return ALL.stream().filter(CdpService::isService).toList();
    }

    @Override
    public String toString() {
        return module;
    }

    static {
        long distinctPorts = ALL.stream()
                .mapToInt(CdpService::port)
                .filter(p -> p > 0)
                .distinct()
                .count();
        if (distinctPorts != ALL.stream().filter(CdpService::isService).count()) {
            throw new IllegalStateException("two services share a port: " + Arrays.toString(ALL.toArray()));
        }
    }
}
