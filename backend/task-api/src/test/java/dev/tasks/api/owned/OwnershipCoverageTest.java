package dev.tasks.api.owned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The ownership rule covers every route that names a user, found from the application's own
 * mappings rather than listed by hand: a route added, renamed or moved outside {@link
 * Ownership#USER_PATH} fails here, and every one of them answers another user's token with 403.
 */
class OwnershipCoverageTest extends ApiTest {

    private static final String USER = "{" + Ownership.USER_VARIABLE + "}";

    private record Route(RequestMethod method, String pattern, String controller) {}

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                    routes.add(new Route(verb, pattern, method.getBeanType().getSimpleName()));
                }
            }
        });
        return routes;
    }

    private List<Route> userRoutes() {
        return routes().stream().filter(route -> route.pattern().contains(USER)).toList();
    }

    @Test
    void everyResourceHasItsRoutesUnderTheOwnersPath() {
        Set<String> controllers = new TreeSet<>();
        userRoutes().forEach(route -> controllers.add(route.controller()));
        assertThat(controllers).contains("TaskController", "ListController", "LabelController");
        assertThat(userRoutes()).allSatisfy(route -> assertThat(route.pattern()).startsWith(Ownership.USER_PATH + "/"));
    }

    @Test
    void noRouteNamesAUserAnywhereElse() {
        assertThat(routes())
                .filteredOn(route ->
                        route.pattern().contains("user_id") && !route.pattern().contains(USER))
                .as("a user id under another variable name escapes the rule")
                .isEmpty();
    }

    @Test
    void anotherUsersPathIs403OnEveryMappedRoute() {
        String alice = newUser();
        String bobToken = TestTokens.forUser(newUser());
        List<Route> routes = userRoutes();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(6);

        for (Route route : routes) {
            String path = route.pattern().replace(USER, alice).replaceAll("\\{[a-z_]+}", "1");
            Response response = switch (route.method()) {
                case GET -> api().get(path, bobToken);
                case POST -> api().post(path, bobToken, "{\"title\":\"sneaky\"}");
                case PUT -> api().put(path, bobToken, "{\"title\":\"sneaky\"}");
                case PATCH -> api().patch(path, bobToken);
                case DELETE -> api().delete(path, bobToken);
                default -> throw new AssertionError("a route with an unexpected method: " + route);
            };
            assertThat(response.status()).as("%s %s", route.method(), path).isEqualTo(403);
        }
    }

    @Test
    void meIsNotAUserIdAndAnUnmappedUserPathIs403ForOthers() {
        String alice = newUser();
        String aliceToken = TestTokens.forUser(alice);
        assertThat(api().get("/api/me", aliceToken).status()).isEqualTo(200);
        assertThat(api().get("/api/" + alice + "/nothing-here", TestTokens.forUser(newUser()))
                        .status())
                .isEqualTo(403);
        assertThat(api().get("/api/" + alice + "/nothing-here", aliceToken).status())
                .isEqualTo(404);
    }
}
