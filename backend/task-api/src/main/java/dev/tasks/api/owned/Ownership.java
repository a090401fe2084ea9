package dev.tasks.api.owned;

import dev.tasks.api.web.RouteRules;
import io.github.betterauthjava.jwt.BetterAuthUser;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * The rule "a user reaches only their own resources": every path under {@link #USER_PATH} names
 * the token's user, else 403, whatever the resource (tasks, lists, labels, and any added later:
 * a new controller under {@link #USER_PATH} is protected without a line here).
 * OwnershipCoverageTest fails if a route naming a user escapes it.
 *
 * <p>{@code /api/me} sits where a user id would: it is matched first and needs only a token.
 * Teams (SPEC 1.9) have their rule for {@code /api/teams/**} in {@link TeamAccess}, ordered before this one.
 * A resource of another owner is a 404, not a 403: each repository scopes its statements by
 * {@link Owner}, and {@link OwnedIds#found} answers the same for missing and foreign.
 */
@Component
public final class Ownership implements RouteRules {

    /** The path variable naming the user whose resources a request is about. */
    public static final String USER_VARIABLE = "user_id";

    /** Where every user-owned route lives: {@code /api/{user_id}/tasks}, {@code …/lists}, … */
    public static final String USER_PATH = "/api/{" + USER_VARIABLE + "}";

    /** Not a user id: the caller's own routes, which need a token and nothing else. */
    static final String[] ME = {"/api/me", "/api/me/**"};

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(ME).authenticated();
        requests.requestMatchers(USER_PATH + "/**").access(rule());
    }

    /**
     * Path user id == the caller's user id (a token's {@code sub}, or an API key's owner: the same
     * principal); anything else (no Better Auth user, another id) is denied.
     */
    public static AuthorizationManager<RequestAuthorizationContext> rule() {
        return (authentication, context) -> new AuthorizationDecision(isBetterAuthUser(authentication.get())
                && authentication.get().getName().equals(context.getVariables().get(USER_VARIABLE)));
    }

    /** Whether the caller is a Better Auth user, by a token or by one of their API keys (not anonymous). */
    public static boolean isBetterAuthUser(Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof BetterAuthUser;
    }
}
