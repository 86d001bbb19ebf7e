package io.github.openaistarter.samples.chatweb;

import io.github.openaistarter.core.OpenAiApiException;
import io.github.openaistarter.core.OpenAiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the starter's exceptions into problem details for the pages: OpenAI's own status (404 for an unknown or
 * deleted completion, 401 for a bad key...) with its message, 502 when OpenAI could not be reached, 400 for an
 * argument the starter refused before calling (for example more than 16 metadata pairs).
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

}
