package dev.tasks.api.task;

import dev.tasks.api.web.RouteRules;
import io.github.betterauthjava.spring.BetterAuthAuthentication;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * The rule "a user reaches only their own tasks": the user id in a task path must be the token's
 * user, else 403. It lives beside the routes it protects: {@link TaskController} is mapped at
 * {@link #PATH}, and this bean adds "{@link #PATHS} only by {@link #rule()}" to the security chain, so renaming
 * the route moves the protection with it. TaskOwnershipCoverageTest fails if any task route
 * escapes it.
 */
@Component
public final class TaskOwnership implements RouteRules {

    /** The path variable naming the user whose tasks a request is about. */
    static final String USER_VARIABLE = "user_id";

    /** Where every task route lives. */
    public static final String PATH = "/api/{" + USER_VARIABLE + "}/tasks";

    /** What the security chain protects with {@link #rule()}: the collection and everything under it. */
    public static final String[] PATHS = {PATH, PATH + "/**"};

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(PATHS).access(rule());
    }

    /** Path user id == token user id; anything else (no Better Auth user, another id) is denied. */
    public static AuthorizationManager<RequestAuthorizationContext> rule() {
        return (authentication, context) ->
                new AuthorizationDecision(authentication.get() instanceof BetterAuthAuthentication user
                        && user.getName().equals(context.getVariables().get(USER_VARIABLE)));
    }
}
