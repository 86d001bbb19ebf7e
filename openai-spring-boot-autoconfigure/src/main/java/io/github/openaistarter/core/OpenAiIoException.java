package io.github.openaistarter.core;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer arrived: the connection was refused, reset or closed, or the host
 * could not be resolved. {@link #stage()} tells how far the exchange got, which decides
 * whether it is safe to retry.
 */
public class OpenAiIoException extends OpenAiException {

	private static final long serialVersionUID = 1L;

	private final Stage stage;

	/**
	 * Creates the exception.
	 * @param message what failed, naming the operation
	 * @param cause the I/O failure
	 * @param requestId the request id if response headers had arrived
	 * @param stage how far the exchange got
	 */
	public OpenAiIoException(String message, @Nullable Throwable cause, @Nullable String requestId, Stage stage) {
		super(message, cause, requestId);
		this.stage = stage;
	}

	/**
	 * How far the exchange got before it failed.
	 * @return the stage
	 */
	public Stage stage() {
		return this.stage;
	}

	/**
	 * Whether the request may have reached the server.
	 * @return {@code false} only when no connection was made
	 */
	public boolean requestSent() {
		return this.stage != Stage.CONNECTING;
	}

	/**
	 * Whether the failure may go away on a new attempt: the response had not begun.
	 * @return {@code true} if a retry may help
	 */
	public boolean retryable() {
		return this.stage != Stage.READING_RESPONSE;
	}

	/**
	 * How far an exchange got.
	 */
	public enum Stage {

		/**
		 * No connection was made (refused, unresolved host, connect timeout): the request
		 * was not sent.
		 */
		CONNECTING,

		/**
		 * Connected and (perhaps) sent, but no response byte arrived: the server may have
		 * acted on it.
		 */
		AWAITING_RESPONSE,

		/** The response had begun when the connection failed. */
		READING_RESPONSE

	}

}
