package dev.tasks.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasks.api.support.Api.Response;
import dev.tasks.api.support.ApiTest;
import dev.tasks.api.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The ownership rule covers every task route, found from the application's own mappings rather
 * than listed by hand: a route added, renamed or moved outside {@link TaskOwnership#PATH} fails here.
 */
class TaskOwnershipCoverageTest extends ApiTest {

    private record Route(RequestMethod method, String pattern) {}

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private List<Route> routesOf(Class<?> controller) {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType() == controller) {
                for (String pattern : info.getPatternValues()) {
                    for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                        routes.add(new Route(verb, pattern));
                    }
                }
            }
        });
        return routes;
    }

    @Test
    void everyTaskRouteIsUnderTheOwnershipPath() {
        List<Route> routes = routesOf(TaskController.class);

        assertThat(routes).hasSizeGreaterThanOrEqualTo(6);
        assertThat(routes)
                .allSatisfy(route -> assertThat(route.pattern())
                        .satisfiesAnyOf(
                                p -> assertThat(p).isEqualTo(TaskOwnership.PATH),
                                p -> assertThat(p).startsWith(TaskOwnership.PATH + "/")));
    }

    @Test
    void everyRouteNamingAUserIsATaskRoute() {
        List<String> elsewhere = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.contains("{" + TaskOwnership.USER_VARIABLE + "}")
                        && method.getBeanType() != TaskController.class) {
                    elsewhere.add(pattern + " in " + method.getBeanType().getSimpleName());
                }
            }
        });
        assertThat(elsewhere)
                .as("routes with a user in the path outside the task feature's rule")
                .isEmpty();
    }

    @Test
    void anotherUsersPathIs403OnEveryMappedRoute() {
        String alice = newUser();
        String bobToken = TestTokens.forUser(newUser());
        List<Route> routes = routesOf(TaskController.class);

        for (Route route : routes) {
            String path = route.pattern()
                    .replace("{" + TaskOwnership.USER_VARIABLE + "}", alice)
                    .replace("{id}", "1");
            Response response = switch (route.method()) {
                case GET -> api().get(path, bobToken);
                case POST -> api().post(path, bobToken, "{\"title\":\"sneaky\"}");
                case PUT -> api().put(path, bobToken, "{\"title\":\"sneaky\"}");
                case PATCH -> api().patch(path, bobToken);
                case DELETE -> api().delete(path, bobToken);
                default -> throw new AssertionError("a task route with an unexpected method: " + route);
            };
            assertThat(response.status()).as("%s %s", route.method(), path).isEqualTo(403);
        }
    }
}
