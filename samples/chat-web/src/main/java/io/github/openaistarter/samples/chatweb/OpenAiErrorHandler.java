package io.github.openaistarter.samples.chatweb;

import io.github.openaistarter.chat.structured.IncompleteAnswerException;
import io.github.openaistarter.chat.structured.MalformedAnswerException;
import io.github.openaistarter.chat.structured.RefusedAnswerException;
import io.github.openaistarter.chat.structured.StructuredAnswerException;
import io.github.openaistarter.core.OpenAiApiException;
import io.github.openaistarter.core.OpenAiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the starter's exceptions into problem details for the pages: OpenAI's own status
 * (404 for an unknown or deleted completion, 401 for a bad key...) with its message, 502
 * when OpenAI could not be reached, 400 for an argument the starter refused before
 * calling (for example more than 16 metadata pairs).
 *
 * <p>
 * A structured answer that cannot be read: 422 when the model refused (with its refusal,
 * written for the end user), 502 when the answer was cut off or does not fit the type.
 * The answer's raw text ({@code text()}) is never sent: it holds what the user pasted,
 * and a malformed answer's parser message can quote it, so only the path where it does
 * not fit is.
 */
@RestControllerAdvice
class OpenAiErrorHandler {

	@ExceptionHandler
	ProblemDetail apiError(OpenAiApiException ex) {
		String message = (ex.errorMessage() != null) ? ex.errorMessage() : ex.getMessage();
		return ProblemDetail.forStatusAndDetail(ex.statusCode(), message);
	}

	@ExceptionHandler
	ProblemDetail unreachable(OpenAiException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail refused(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail refusedAnswer(RefusedAnswerException ex) {
		return answerProblem(HttpStatus.UNPROCESSABLE_CONTENT, "The model refused to answer", ex.refusal(), ex);
	}

	@ExceptionHandler
	ProblemDetail incompleteAnswer(IncompleteAnswerException ex) {
		ProblemDetail problem = answerProblem(HttpStatus.BAD_GATEWAY, "The answer was cut off",
				String.valueOf(ex.getMessage()), ex);
		problem.setProperty("finishReason", ex.finishReason().value());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail malformedAnswer(MalformedAnswerException ex) {
		String where = ex.path().isEmpty() ? "" : " at " + ex.path();
		ProblemDetail problem = answerProblem(HttpStatus.BAD_GATEWAY, "The answer does not fit",
				"The model's answer does not fit the requested type" + where, ex);
		problem.setProperty("path", ex.path());
		return problem;
	}

	private static ProblemDetail answerProblem(HttpStatus status, String title, String detail,
			StructuredAnswerException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (ex.requestId() != null) {
			problem.setProperty("requestId", ex.requestId());
		}
		return problem;
	}

}
