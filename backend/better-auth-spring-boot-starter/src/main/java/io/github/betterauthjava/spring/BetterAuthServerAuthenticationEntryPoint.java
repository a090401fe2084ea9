package io.github.betterauthjava.spring;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The reactive {@link BetterAuthAuthenticationEntryPoint}: the same answers, decided by
 * {@link UnauthenticatedAnswer} (401 with an RFC 6750 challenge, 503 with {@code Retry-After}
 * when the token cannot be checked right now, an RFC 9457 problem body either way).
 */
public final class BetterAuthServerAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        UnauthenticatedAnswer answer = UnauthenticatedAnswer.to(failure);
        response.setStatusCode(HttpStatus.valueOf(answer.status()));
        HttpHeaders headers = response.getHeaders();
        if (answer.challenge() != null) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, answer.challenge());
        }
        if (answer.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(answer.retryAfter()));
        }
        headers.setCacheControl("no-store");
        headers.setContentType(PROBLEM);
        byte[] body = answer.problem(exchange.getRequest().getPath().value());
        headers.setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
