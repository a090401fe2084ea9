package dev.tasks.api.transfer;

import dev.tasks.api.problem.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A file that cannot be imported as it is: 422, naming the line (and the field) so that the person
 * can fix the file. {@code errors} lists each problem as {@code {"field": "line 12: title", "message"}},
 * the shape of every other 422; {@code line} is the first bad line.
 */
final class ImportProblem extends ErrorResponseException {

    private ImportProblem(long line, List<FieldProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(line, problems), null);
    }

    /** Something wrong with line {@code line}, as a whole or with fields of it. */
    static ImportProblem at(long line, List<FieldProblem> fieldProblems) {
        return new ImportProblem(
                line,
                fieldProblems.stream()
                        .map(p -> new FieldProblem(where(line) + ": " + p.field(), p.message()))
                        .toList());
    }

    static ImportProblem at(long line, String field, String message) {
        return at(line, List.of(new FieldProblem(field, message)));
    }

    /** The file as a whole (line 0: not about one line). */
    static ImportProblem file(String message) {
        return new ImportProblem(0, List.of(new FieldProblem("file", message)));
    }

    private static String where(long line) {
        return "line " + line;
    }

    private static ProblemDetail problem(long line, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "The file cannot be imported, nothing was changed: "
                        + problems.stream()
                                .map(p -> p.field() + " " + p.message())
                                .collect(Collectors.joining("; ")));
        problem.setTitle("Invalid file");
        problem.setProperty("errors", List.copyOf(problems));
        if (line > 0) {
            problem.setProperty("line", line);
        }
        return problem;
    }
}
