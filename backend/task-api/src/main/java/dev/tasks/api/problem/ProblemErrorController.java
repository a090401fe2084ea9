package dev.tasks.api.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (thrown in a filter, or sent with {@code sendError})
 * end up on {@code /error}: they get the same problem shape, without the exception's message.
 * Replaces Spring Boot's BasicErrorController.
 */
@RestController
@Hidden
public final class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(
            path = "/error",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, "*/*"})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t && status.is5xxServerError()) {
            log.error("Unhandled error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t);
        }
        ProblemDetail problem = Problems.of(
                status,
                status.is5xxServerError()
                        ? "Something went wrong on our side. Quote the request_id if you report it."
                        : status.getReasonPhrase() + ".");
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String uri && uri.matches("[A-Za-z0-9\\-._~!$&'()*+,;=:@/%]*")) {
            problem.setInstance(java.net.URI.create(uri));
        }
        Problems.completed(problem, request);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null && status.isError()) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
