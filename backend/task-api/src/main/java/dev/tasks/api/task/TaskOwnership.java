package dev.tasks.api.task;

import io.github.betterauthjava.spring.BetterAuthAuthentication;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The rule "a user reaches only their own tasks": the user id in a task path must be the token's
 * user, else 403. It lives beside the routes it protects: {@link TaskController} is mapped at
 * {@link #PATH}, and the security chain protects {@link #PATHS} with {@link #rule()}, so renaming
 * the route moves the protection with it. TaskOwnershipCoverageTest fails if any task route
 * escapes it.
 */
public final class TaskOwnership {

    /** The path variable naming the user whose tasks a request is about. */
    static final String USER_VARIABLE = "user_id";

    /** Where every task route lives. */
    public static final String PATH = "/api/{" + USER_VARIABLE + "}/tasks";

    /** What the security chain protects with {@link #rule()}: the collection and everything under it. */
    public static final String[] PATHS = {PATH, PATH + "/**"};

    private TaskOwnership() {}

    /** Path user id == token user id; anything else (no Better Auth user, another id) is denied. */
    public static AuthorizationManager<RequestAuthorizationContext> rule() {
        return (authentication, context) ->
                new AuthorizationDecision(authentication.get() instanceof BetterAuthAuthentication user
                        && user.getName().equals(context.getVariables().get(USER_VARIABLE)));
    }
}
