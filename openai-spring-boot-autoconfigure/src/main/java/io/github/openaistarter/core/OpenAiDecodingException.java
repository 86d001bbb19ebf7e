package io.github.openaistarter.core;

import org.jspecify.annotations.Nullable;

/**
 * A response arrived but its body could not be read as the expected JSON (cut off or
 * malformed).
 */
public class OpenAiDecodingException extends OpenAiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what could not be decoded, naming the operation
	 * @param cause the parser's failure
	 * @param requestId the {@code x-request-id} of the response
	 */
	public OpenAiDecodingException(String message, @Nullable Throwable cause, @Nullable String requestId) {
		super(message, cause, requestId);
	}

}
