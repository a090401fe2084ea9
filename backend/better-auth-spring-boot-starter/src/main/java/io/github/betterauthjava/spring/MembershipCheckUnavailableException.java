package io.github.betterauthjava.spring;

/**
 * Whether the caller is a member of the organization a request is about cannot be known right
 * now (the core's {@code MembershipsUnavailableException}). Answered with 503 and
 * {@code Retry-After} by the entry point, like a session that cannot be checked: not a refusal and
 * not a pass. Thrown from an authorization rule, it reaches the entry point because it is an
 * {@code AuthenticationException}.
 */
public class MembershipCheckUnavailableException extends BetterAuthUnavailableException {

    /**
     * @param detail what is wrong, safe to show to the client
     * @param cause  the store's failure
     */
    public MembershipCheckUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
