package io.github.betterauthjava.spring;

import org.springframework.security.core.AuthenticationException;

/**
 * Whether the token is good cannot be known right now: its signing key cannot be fetched, or its
 * session cannot be looked up. Answered with 503 and {@code Retry-After}: not 401, which would
 * sign a person out because of an outage on our side, and not a pass.
 *
 * <p>An {@link AuthenticationException} but deliberately not an
 * {@code AuthenticationServiceException}: Spring Security 7 rethrows those out of the filter
 * chain (a 500), while other authentication exceptions reach the entry point, which answers 503.
 * The message is shown to the client as the problem {@code detail}: it says what is wrong and
 * never names a session or an internal URL.
 */
public abstract class BetterAuthUnavailableException extends AuthenticationException {

    /** What the 503 answers as {@code Retry-After}: the least time between two JWKS fetches by default. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * @param detail what is wrong, safe to show to the client
     * @param cause  the failure behind it, or {@code null}
     */
    protected BetterAuthUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
