package io.github.openaistarter.core;

import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * OpenAI answered with an error status. Carries the status, OpenAI's {@code error} object
 * (message, type, code, param), the {@code x-request-id} and the headers. Catch a subtype
 * to handle one status family: <pre>{@code
 * try {
 *     chat.retrieve(id);
 * }
 * catch (NotFoundException ex) {
 *     // gone or never stored
 * }
 * }</pre>
 */
public abstract class OpenAiApiException extends OpenAiException {

	private static final long serialVersionUID = 1L;

	private final transient ResponseMetadata metadata;

	private final OpenAiError error;

	/**
	 * Creates an exception for an error response.
	 * @param operation the operation that failed, for example
	 * {@code POST /chat/completions}
	 * @param metadata the response metadata
	 * @param error the decoded {@code error} object
	 */
	public OpenAiApiException(String operation, ResponseMetadata metadata, OpenAiError error) {
		super(operation + " failed with " + metadata.status().value() + ": " + error.describe()
				+ ((metadata.requestId() != null) ? " [request id " + metadata.requestId() + "]" : ""), null,
				metadata.requestId());
		this.metadata = metadata;
		this.error = error;
	}

	/**
	 * The HTTP status.
	 * @return the status
	 */
	public HttpStatusCode statusCode() {
		return this.metadata.status();
	}

	/**
	 * OpenAI's error object.
	 * @return the error, with {@code null} fields when the body carried none
	 */
	public OpenAiError error() {
		return this.error;
	}

	/**
	 * OpenAI's error message ({@code error.message}).
	 * @return the message, or {@code null}
	 */
	public @Nullable String errorMessage() {
		return this.error.message();
	}

	/**
	 * OpenAI's error type ({@code error.type}), for example
	 * {@code invalid_request_error}.
	 * @return the type, or {@code null}
	 */
	public @Nullable String errorType() {
		return this.error.type();
	}

	/**
	 * OpenAI's error code ({@code error.code}), for example {@code invalid_api_key}.
	 * @return the code, or {@code null}
	 */
	public @Nullable String errorCode() {
		return this.error.code();
	}

	/**
	 * The request parameter OpenAI blames ({@code error.param}).
	 * @return the parameter, or {@code null}
	 */
	public @Nullable String errorParam() {
		return this.error.param();
	}

	/**
	 * How long the server asked to wait before retrying: {@code retry-after-ms}, else
	 * {@code retry-after} (seconds or an HTTP date).
	 * @return the wait, or {@code null} when the server asked for none
	 */
	public @Nullable Duration retryAfter() {
		return RetryAfter.of(this.metadata.headers(), Clock.systemUTC());
	}

	/**
	 * The response headers.
	 * @return the headers (read-only)
	 */
	public HttpHeaders headers() {
		return this.metadata.headers();
	}

	/**
	 * Everything the response said besides its body.
	 * @return the metadata, including rate limits
	 */
	public ResponseMetadata metadata() {
		return this.metadata;
	}

}
