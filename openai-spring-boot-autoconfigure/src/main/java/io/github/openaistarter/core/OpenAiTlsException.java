package io.github.openaistarter.core;

/**
 * The TLS handshake with the server failed: its certificate is not trusted (a corporate
 * proxy re-signing traffic, a private server), the host name does not match, or no
 * protocol or cipher is shared. No request was sent. Not retried, as a new attempt meets
 * the same certificate: configure {@code openai.ssl.bundle}.
 */
public class OpenAiTlsException extends OpenAiIoException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what failed, naming the operation
	 * @param cause the TLS failure
	 */
	public OpenAiTlsException(String message, Throwable cause) {
		super(message, cause, null, Stage.CONNECTING);
	}

	@Override
	public boolean retryable() {
		return false;
	}

}
