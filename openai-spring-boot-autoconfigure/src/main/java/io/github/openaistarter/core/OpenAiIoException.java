package io.github.openaistarter.core;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer arrived: the connection was refused, reset or closed, or the host could not be
 * resolved. Whether the server received the request is unknown.
 */
public class OpenAiIoException extends OpenAiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what failed, naming the operation
	 * @param cause the I/O failure
	 * @param requestId the request id if response headers had arrived
	 */
	public OpenAiIoException(String message, @Nullable Throwable cause, @Nullable String requestId) {
		super(message, cause, requestId);
	}

}
