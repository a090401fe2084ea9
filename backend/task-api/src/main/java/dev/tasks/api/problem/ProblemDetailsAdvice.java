package dev.tasks.api.problem;

import dev.tasks.api.database.DatabaseFailures;
import dev.tasks.api.owned.OwnerLimitExceeded;
import dev.tasks.api.owned.OwnerLimits;
import dev.tasks.api.owned.TeamAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Every exception a request can raise becomes a problem detail with a {@code detail} that says
 * what to fix, and never a stack trace: Spring MVC's own exceptions via the base class, ours via
 * {@code ErrorResponseException}, database outages as 503, anything else as a logged 500.
 */
@RestControllerAdvice
public final class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    public static final String RETRY_AFTER_DATABASE_SECONDS = "5";

    /** What a request the database failed is told (503), wherever it failed. */
    public static final String DATABASE_UNAVAILABLE =
            "The database is unavailable right now; nothing was changed. Try again in a few seconds.";

    private final OwnerLimits ownerLimits;

    ProblemDetailsAdvice(OwnerLimits ownerLimits) {
        this.ownerLimits = ownerLimits;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = unreadableBody(ex);
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /**
     * A body too large (413) or not JSON at all (400). Whether well-formed JSON says the right
     * things is decided later, field by field, by {@link JsonBody} (422).
     */
    private static ProblemDetail unreadableBody(HttpMessageNotReadableException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return Problems.of(HttpStatus.CONTENT_TOO_LARGE, tooLarge.detail());
            }
        }
        if (ex.getCause() instanceof JacksonException json) {
            var where = json.getLocation();
            return Problems.of(
                    HttpStatus.BAD_REQUEST,
                    where == null || where.getLineNr() < 0
                            ? "The request body is not valid JSON."
                            : "The request body is not valid JSON (line " + where.getLineNr() + ", column "
                                    + where.getColumnNr() + ").");
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "The request body is missing or not valid JSON.");
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(
                HttpStatus.NOT_FOUND, "There is no endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath() + ".");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Tomcat parses the query string lazily and throws on a broken %-escape: the client's mistake. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> badQueryString(InvalidParameterException ex, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "The query string is not valid URL encoding.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A statement's failure, or a transaction's that could not begin (owned.OwnedWrites runs each
     * write in one: no connection is then a CannotCreateTransactionException, not a DataAccessException).
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Object> database(NestedRuntimeException ex, WebRequest request) {
        // A per-owner limit (migration V14's triggers): the client's state, a 409.
        var limit = OwnerLimitExceeded.problem(ex, teamPath(request), ownerLimits);
        if (limit.isPresent()) {
            return handleExceptionInternal(ex, limit.get(), new HttpHeaders(), HttpStatus.CONFLICT, request);
        }
        if (DatabaseFailures.isUnavailable(ex)) {
            log.warn("Database unavailable: {}", ex.getMostSpecificCause().getMessage());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_DATABASE_SECONDS);
            ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE);
            return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
        }
        return unexpected(ex, request);
    }

    /** Whether the request's path names a team ({@code …/teams/{team_id}/…}): the owner is a team. */
    private static boolean teamPath(WebRequest request) {
        Object variables =
                request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return variables instanceof Map<?, ?> map && map.get(TeamAccess.TEAM_VARIABLE) != null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error", ex);
        ProblemDetail problem = Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Quote the request_id if you report it.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            HttpServletRequest servletRequest = request instanceof NativeWebRequest nativeRequest
                    ? nativeRequest.getNativeRequest(HttpServletRequest.class)
                    : null;
            Problems.completed(problem, servletRequest);
            if (problem.getDetail() == null) {
                problem.setDetail(problem.getTitle());
            }
        }
        return response;
    }
}
