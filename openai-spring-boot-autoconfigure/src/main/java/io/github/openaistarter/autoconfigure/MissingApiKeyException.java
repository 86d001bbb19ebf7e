package io.github.openaistarter.autoconfigure;

/**
 * Thrown at startup when no API key is configured while the base URL is OpenAI's own;
 * {@link MissingApiKeyFailureAnalyzer} turns it into advice.
 */
public class MissingApiKeyException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String baseUrl;

	/**
	 * Creates the exception.
	 * @param baseUrl the base URL that needs a key
	 */
	public MissingApiKeyException(String baseUrl) {
		super("No OpenAI API key is configured for " + baseUrl);
		this.baseUrl = baseUrl;
	}

	/**
	 * The base URL that needs a key.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

}
