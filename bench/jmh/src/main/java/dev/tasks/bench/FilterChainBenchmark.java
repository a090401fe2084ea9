package dev.tasks.bench;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.Filter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * One authenticated request through the whole servlet stack minus the socket and the database:
 * Spring Security's filter chain with better-auth-spring-boot-starter's default resource-server set-up (EdDSA
 * token, cached after the first request, as in production), Spring MVC dispatch, and Jackson
 * writing 10 tasks. {@code observations=true} adds an {@link ObservationRegistry} with a meter
 * handler, which is what actuator + micrometer give the task API (Spring Security then wraps every
 * filter in an observation). MockMvc's own request/response objects are included in the figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class FilterChainBenchmark {

    @Param({"false", "true"})
    public boolean observations;

    HttpServer jwks;
    ConfigurableApplicationContext context;
    MockMvc mvc;
    String[] tokens = new String[100];
    int next;

    /** No component scan: the benchmark package holds other classes. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(TaskList.class)
    public static class App {
    }

    @RestController
    public static class TaskList {
        private final List<TaskJsonBenchmark.Task> tasks = new ArrayList<>();

        TaskList() {
            Instant now = Instant.now();
            for (int i = 0; i < 10; i++) {
                tasks.add(new TaskJsonBenchmark.Task(i, "u", "Task " + i, i % 2 == 0 ? null : "A description", i % 3 == 0,
                        now.minusSeconds(60L * i), now));
            }
        }

        @GetMapping("/api/{userId}/tasks")
        List<TaskJsonBenchmark.Task> list(@PathVariable("userId") String userId, @AuthenticationPrincipal Object user) {
            return tasks;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        OctetKeyPair ed = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed").algorithm(JWSAlgorithm.EdDSA).generate();
        byte[] body = new JWKSet(ed.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        jwks.createContext("/api/auth/jwks", ex -> {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        });
        jwks.start();
        String issuer = "http://127.0.0.1:" + jwks.getAddress().getPort();

        SpringApplication app = new SpringApplication(App.class);
        if (observations) {
            app.addInitializers(ctx -> ((GenericApplicationContext) ctx).registerBean(ObservationRegistry.class, () -> {
                ObservationRegistry registry = ObservationRegistry.create();
                registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
                return registry;
            }));
        }
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setDefaultProperties(java.util.Map.of("server.port", "0", "better-auth.url", issuer,
                "spring.main.banner-mode", "off", "logging.level.root", "WARN",
                "spring.jackson.property-naming-strategy", "SNAKE_CASE"));
        context = app.run();
        Filter security = context.getBean("springSecurityFilterChain", Filter.class);
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).addFilters(security).build();
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = "Bearer " + TokenVerificationBenchmark.token(JWSAlgorithm.EdDSA, "ed", new Ed25519Signer(ed), issuer, "user-" + i);
        }
        MvcResult r = list();
        if (r.getResponse().getStatus() != 200) {
            throw new IllegalStateException("set-up: HTTP " + r.getResponse().getStatus() + " " + r.getResponse().getContentAsString());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
        jwks.stop(0);
    }

    @Benchmark
    public MvcResult list() throws Exception {
        int i = next++;
        if (next == tokens.length) {
            next = 0;
        }
        return mvc.perform(get("/api/user-" + i + "/tasks").header("Authorization", tokens[i])).andReturn();
    }
}
