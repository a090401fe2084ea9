package dev.tasks.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details: the one shape every error of the API has, whether it is raised in a
 * controller, in a servlet filter or by Spring Security.
 */
@Component
public final class Problems {

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    /** Adds what every problem carries: the path it happened on and the request id to quote. */
    static ProblemDetail completed(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getInstance() == null && request != null) {
            problem.setInstance(URI.create(pathOf(request)));
        }
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null
                && (problem.getProperties() == null || !problem.getProperties().containsKey("request_id"))) {
            problem.setProperty("request_id", requestId);
        }
        return problem;
    }

    /** Writes a problem straight to the response, for code that runs outside Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        completed(problem, request);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
        response.getWriter().flush();
    }

    private static String pathOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        // Keep the instance a valid relative URI whatever the client sent.
        return path == null || !path.matches("[A-Za-z0-9\\-._~!$&'()*+,;=:@/%]*") ? "/" : path;
    }
}
