package io.github.openaistarter.core;

import org.jspecify.annotations.Nullable;

/**
 * A stream that had begun (status 200) failed: OpenAI sent an {@code error} event, or the
 * stream ended without its closing {@code [DONE]} event, so the answer may be incomplete.
 */
public class OpenAiStreamException extends OpenAiException {

	private static final long serialVersionUID = 1L;

	private final OpenAiError error;

	/**
	 * Creates the exception.
	 * @param message what happened, naming the operation
	 * @param error the {@code error} object of the event, or {@link OpenAiError#NONE}
	 * @param cause the underlying failure, if any
	 * @param requestId the {@code x-request-id} of the stream's response
	 */
	public OpenAiStreamException(String message, OpenAiError error, @Nullable Throwable cause,
			@Nullable String requestId) {
		super(message, cause, requestId);
		this.error = error;
	}

	/**
	 * The error OpenAI sent inside the stream.
	 * @return the error, or {@link OpenAiError#NONE} when the stream was cut rather than
	 * failed
	 */
	public OpenAiError error() {
		return this.error;
	}

}
