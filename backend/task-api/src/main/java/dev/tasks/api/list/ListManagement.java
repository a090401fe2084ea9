package dev.tasks.api.list;

import dev.tasks.api.owned.TeamAccess;
import dev.tasks.api.web.RouteRules;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * A team's lists are managed (created, renamed, deleted) by its admins and owners only (SPEC 1.9): a
 * member who tries gets 403, anyone outside the team 404. Every member reads them and files tasks in
 * them. Ordered before TeamAccess's "any member" rule, which would otherwise match first.
 */
@Component
@Order(TeamAccess.ORDER - 1)
final class ListManagement implements RouteRules {

    private final TeamAccess teams;

    ListManagement(TeamAccess teams) {
        this.teams = teams;
    }

    @Override
    public void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        String lists = ListController.TEAM_PATH + "/**"; // also matches …/lists itself
        for (HttpMethod change :
                new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
            requests.requestMatchers(change, lists).access(teams.managers());
        }
    }
}
