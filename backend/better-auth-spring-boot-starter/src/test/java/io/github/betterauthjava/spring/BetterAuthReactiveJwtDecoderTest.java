package io.github.betterauthjava.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Verification may block (a JWKS fetch, a session query): it never runs on the subscribing thread. */
class BetterAuthReactiveJwtDecoderTest {

    @Test
    void decodesOnTheBoundedElasticSchedulerNotTheCallersThread() {
        AtomicReference<String> ranOn = new AtomicReference<>();
        BetterAuthReactiveJwtDecoder decoder = new BetterAuthReactiveJwtDecoder(token -> {
            ranOn.set(Thread.currentThread().getName());
            return Jwt.withTokenValue(token)
                    .header("alg", "EdDSA")
                    .subject("u1")
                    .expiresAt(Instant.now().plusSeconds(60))
                    .build();
        });

        Jwt jwt = Mono.defer(() -> decoder.decode("t"))
                .subscribeOn(Schedulers.single())
                .block();

        assertThat(jwt.getSubject()).isEqualTo("u1");
        assertThat(ranOn.get()).startsWith("boundedElastic");
    }
}
