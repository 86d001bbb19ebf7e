package io.github.openaistarter.core;

/**
 * Thrown when a call cannot be authenticated because its {@link AccessTokenSupplier}
 * failed to supply a token (for example, no Azure credential is available). Nothing was
 * sent.
 */
public class OpenAiCredentialsException extends OpenAiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message the description
	 * @param cause the supplier's failure
	 */
	public OpenAiCredentialsException(String message, Throwable cause) {
		super(message, cause, null);
	}

}
