package dev.tasks.api.task;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives {@link TaskController#list} its {@link TaskQuery}, parsed from the query string. A dozen
 * {@code @RequestParam String}s would cost Spring a data binder each on every list request (five
 * were about 5 % of the API's Java CPU per list in the bench/ profiles) to "convert" a String to a
 * String.
 */
final class TaskQueryResolver implements HandlerMethodArgumentResolver {

    private final Clock clock;

    TaskQueryResolver(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == TaskQuery.class;
    }

    @Override
    public TaskQuery resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return TaskQuery.parse(request.getParameterMap(), clock);
    }
}
