package se.clientfunds.app.web;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import se.clientfunds.jobs.Causes;
import se.clientfunds.operations.OperationRefused;
import se.clientfunds.outcome.InputError;
import se.clientfunds.outcome.JobFailed;

/**
 * The API's errors as RFC 9457 problem details, from the same typed outcomes the command line's exit codes come from:
 * a field that is missing or wrong is 400 naming it, an operation that makes no sense as things stand 409, any other
 * input error 400, a job that failed 500 with its cause. Access is not decided here (401 and 403 come from security).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(InvalidField.class)
    ProblemDetail invalidField(InvalidField e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid field", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(se.clientfunds.operations.NotFound.class)
    ProblemDetail notFound(se.clientfunds.operations.NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(OperationRefused.class)
    ProblemDetail refused(OperationRefused e) {
        return problem(HttpStatus.CONFLICT, "Refused", e.getMessage());
    }

    @ExceptionHandler(InputError.class)
    ProblemDetail input(InputError e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    @ExceptionHandler(JobFailed.class)
    ProblemDetail failed(JobFailed e) {
        log.warn("API: {}", e.getMessage());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Job failed", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == java.time.LocalDate.class ? "a date, yyyy-MM-dd"
                : e.getRequiredType() == null ? "another value" : "a " + e.getRequiredType().getSimpleName().toLowerCase();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid field", e.getName() + ": '" + e.getValue() + "' is not "
                + expected);
        problem.setProperty("field", e.getName());
        return problem;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid field", e.getParameterName() + " is required");
        problem.setProperty("field", e.getParameterName());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable body", "the body is not the JSON expected: "
                + Causes.rootMessage(e));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
