package dev.tasks.api.owned;

import dev.tasks.api.web.RouteRules;
import io.github.betterauthjava.jwt.BetterAuthMember;
import io.github.betterauthjava.spring.BetterAuthOrganizations;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

/**
 * The rule "a team's resources are its members'" (SPEC 1.9): every path under {@link #TEAM_PATH}
 * needs the token's user to be a member of the team, read from Better Auth's {@code member} table
 * through the library's membership check (cached at most 4 s, so a removed member or a lowered role
 * takes effect within 5 s, whatever the token says), else <b>404</b>: a team's existence is not
 * revealed to anyone outside it. Features add stricter rules for their own team routes with
 * {@link #managers()} (list management: admins and owners, else <b>403</b>), ordered before this one.
 * Memberships that cannot be read: 503 (the library's exception, answered by the entry point).
 *
 * <p>Decided in the security chain, before the body is read, like the user rule (Ownership); the
 * controllers then take the {@link Owner} from the path ({@link OwnerFromPath}). TeamCoverageTest
 * checks every role against every team route.
 */
@Component
@Order(TeamAccess.ORDER)
public final class TeamAccess implements RouteRules {

    /** The path variable naming the team (a Better Auth organization id). */
    public static final String TEAM_VARIABLE = "team_id";

    /** Where every team-owned route lives: {@code /api/teams/{team_id}/tasks}, {@code …/lists}, … */
    public static final String TEAM_PATH = "/api/teams/{" + TEAM_VARIABLE + "}";

    /**
     * Before Ownership (unordered, so last), whose {@code /api/{user_id}/**} would read "teams" as a
     * user id; a feature's stricter team rule is ordered before this one ({@code ORDER - 1}).
     */
    public static final int ORDER = 0;

    private final BetterAuthOrganizations organizations;

    TeamAccess(ObjectProvider<BetterAuthOrganizations> organizations) {
        this.organizations = organizations.getIfAvailable();
        if (this.organizations == null) {
            // Without it no team route could be decided; never serve them on the token's word.
            throw new IllegalStateException(
                    "BETTER_AUTH_MEMBER_CHECK (better-auth.member-check) must be on: team routes"
                            + " and assignees are decided from Better Auth's member table");
        }
    }

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(TEAM_PATH, TEAM_PATH + "/**").access(members());
    }

    /** Any member of the path's team; anyone else 404. */
    public AuthorizationManager<RequestAuthorizationContext> members() {
        return rule(false);
    }

    /** Admins and owners of the path's team; other members 403, anyone else 404. */
    public AuthorizationManager<RequestAuthorizationContext> managers() {
        return rule(true);
    }

    /** Whether {@code userId} is a member of the team now (as the membership check says, ≤ 4 s old): for assignees. */
    public boolean isMember(Owner.Team team, String userId) {
        return organizations.member(team.id(), userId).isPresent();
    }

    private AuthorizationManager<RequestAuthorizationContext> rule(boolean managersOnly) {
        return (authentication, context) -> {
            Authentication caller = authentication.get();
            if (!Ownership.isBetterAuthUser(caller)) {
                return new AuthorizationDecision(false); // no token: the entry point's 401
            }
            Optional<BetterAuthMember> member =
                    organizations.membership(caller, context.getVariables().get(TEAM_VARIABLE));
            if (member.isEmpty()) {
                throw new Refused(HttpStatus.NOT_FOUND, "No team with this id has you as a member.");
            }
            if (managersOnly && !member.get().hasAnyRole(BetterAuthMember.OWNER, BetterAuthMember.ADMIN)) {
                throw new Refused(
                        HttpStatus.FORBIDDEN, "Only the team's admins and owners manage its lists; you are a member.");
            }
            return new AuthorizationDecision(true);
        };
    }

    /**
     * A refusal with its own status and detail: the security chain's access-denied handler answers
     * any {@link ErrorResponse} with its problem (a plain denial stays the user rule's 403).
     */
    static final class Refused extends AccessDeniedException implements ErrorResponse {

        private final ProblemDetail problem;

        Refused(HttpStatus status, String detail) {
            super(detail);
            this.problem = ProblemDetail.forStatusAndDetail(status, detail);
        }

        @Override
        public HttpStatusCode getStatusCode() {
            return problem.getStatus() == 404 ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN;
        }

        @Override
        public ProblemDetail getBody() {
            return problem;
        }
    }
}
