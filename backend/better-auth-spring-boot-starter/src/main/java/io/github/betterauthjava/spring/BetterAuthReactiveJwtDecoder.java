package io.github.betterauthjava.spring;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The same verification as the servlet stack's ({@link BetterAuthJwtDecoder}: the core's rules,
 * the same 401 and 503 exceptions) for WebFlux, run off the event loop: a token with an unknown
 * kid may wait for a JWKS fetch (up to its timeout), and the session check may query the
 * database; neither may block a Netty thread that serves other requests.
 */
public final class BetterAuthReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final JwtDecoder decoder;
    private final Scheduler scheduler;

    /** @param decoder decides every token; runs on Reactor's bounded elastic scheduler */
    public BetterAuthReactiveJwtDecoder(JwtDecoder decoder) {
        this(decoder, Schedulers.boundedElastic());
    }

    /**
     * @param decoder   decides every token
     * @param scheduler where it runs: one that may block
     */
    public BetterAuthReactiveJwtDecoder(JwtDecoder decoder, Scheduler scheduler) {
        this.decoder = decoder;
        this.scheduler = scheduler;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return Mono.fromCallable(() -> decoder.decode(token)).subscribeOn(scheduler);
    }
}
