package io.github.openaistarter.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A call took longer than its timeout: no complete answer within the response timeout, or
 * a stream sent no chunk within its idle timeout. The HTTP exchange has been cancelled.
 */
public class OpenAiTimeoutException extends OpenAiException {

	private static final long serialVersionUID = 1L;

	private final Duration timeout;

	/**
	 * Creates the exception.
	 * @param message what timed out, naming the operation
	 * @param timeout the timeout that expired
	 * @param cause the underlying timeout signal
	 * @param requestId the request id if response headers had arrived
	 */
	public OpenAiTimeoutException(String message, Duration timeout, @Nullable Throwable cause,
			@Nullable String requestId) {
		super(message, cause, requestId);
		this.timeout = timeout;
	}

	/**
	 * The timeout that expired.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

}
