package io.github.betterauthjava.jwt;

/**
 * Whether a user is a member of an organization, and with which role, cannot be known right now
 * (the member store is down, slow or unreadable). Answer 503 with {@code Retry-After}: not a
 * refusal, which would hide a team from its members because of the server's outage, and not a
 * pass, which would let a removed member in. The message may be shown to the client.
 */
public class MembershipsUnavailableException extends RuntimeException {

    /** @param detail what is wrong, safe to show to the client */
    public MembershipsUnavailableException(String detail) {
        super(detail);
    }

    /**
     * @param detail what is wrong, safe to show to the client
     * @param cause  the store's failure (logged, never shown)
     */
    public MembershipsUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
