package io.github.openaistarter.core;

/**
 * The OpenAI connection pool is full: every connection is in use and the queue of calls
 * waiting for one is full, or a call waited longer than the pending-acquire timeout. Not
 * retried: raise {@code openai.pool.max-connections}, or lower the concurrency of the
 * calls.
 */
public class OpenAiPoolExhaustedException extends OpenAiIoException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what happened, with the pool's limits
	 * @param cause the pool's failure
	 */
	public OpenAiPoolExhaustedException(String message, Throwable cause) {
		super(message, cause, null, Stage.CONNECTING);
	}

	@Override
	public boolean retryable() {
		return false;
	}

}
