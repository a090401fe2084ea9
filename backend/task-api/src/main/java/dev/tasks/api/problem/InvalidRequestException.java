package dev.tasks.api.problem;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Input that is well-formed but breaks a rule: 422 with every offending field named, both in
 * {@code detail} (for people) and in {@code errors} (for code).
 */
public final class InvalidRequestException extends ErrorResponseException {

    public InvalidRequestException(List<FieldProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(problems), null);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    private static ProblemDetail problem(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.copyOf(problems));
        return problem;
    }
}
