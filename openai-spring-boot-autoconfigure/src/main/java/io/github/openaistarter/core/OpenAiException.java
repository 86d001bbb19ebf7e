package io.github.openaistarter.core;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception this library throws for a failed OpenAI call. Unchecked, like
 * Spring's {@code WebClientException}. Messages never contain the API key.
 *
 * <p>
 * Subtypes: {@link OpenAiApiException} (the server answered with an error status, one
 * subtype per status family), {@link OpenAiIoException} (no usable answer: connection
 * refused, reset, closed), {@link OpenAiTimeoutException}, {@link OpenAiStreamException}
 * (a stream failed after it began) and {@link OpenAiDecodingException} (the answer could
 * not be read).
 */
public class OpenAiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String requestId;

	private int attempts = 1;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 * @param cause the underlying failure, if any
	 * @param requestId the {@code x-request-id} of the response, if one arrived
	 */
	public OpenAiException(String message, @Nullable Throwable cause, @Nullable String requestId) {
		super(message, cause);
		this.requestId = requestId;
	}

	/**
	 * The {@code x-request-id} header of the response that failed, to quote to OpenAI
	 * support.
	 * @return the request id, or {@code null} when no response arrived
	 */
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * How many attempts the call made before failing with this exception (1 when it was
	 * not retried).
	 * @return the number of attempts
	 */
	public int attempts() {
		return this.attempts;
	}

	/**
	 * Records the number of attempts; set by the transport when it gives up.
	 * @param attempts the number of attempts
	 */
	void attempts(int attempts) {
		this.attempts = attempts;
	}

	@Override
	public @Nullable String getMessage() {
		String message = super.getMessage();
		return (this.attempts > 1) ? message + " (after " + this.attempts + " attempts)" : message;
	}

}
