package io.github.openaistarter.autoconfigure;

/**
 * Thrown at startup when no API key is configured while the base URL is OpenAI's own;
 * {@link MissingApiKeyFailureAnalyzer} turns it into advice.
 */
public class MissingApiKeyException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String baseUrl;

	private final boolean unresolvedPlaceholder;

	private final String propertyPrefix;

	/**
	 * Creates the exception for a missing key.
	 * @param baseUrl the base URL that needs a key
	 */
	public MissingApiKeyException(String baseUrl) {
		this(baseUrl, false);
	}

	/**
	 * Creates the exception.
	 * @param baseUrl the base URL the key is for
	 * @param unresolvedPlaceholder whether a key is set but is a placeholder naming an
	 * unset variable (as {@code openai.api-key=${OPENAI_API_KEY}} is when the variable is
	 * not set), which would be sent as the key
	 */
	public MissingApiKeyException(String baseUrl, boolean unresolvedPlaceholder) {
		this(baseUrl, unresolvedPlaceholder, "openai");
	}

	/**
	 * Creates the exception for one client's settings.
	 * @param baseUrl the base URL the key is for
	 * @param unresolvedPlaceholder whether a key is set but is an unresolved placeholder
	 * @param propertyPrefix the prefix of the client's properties: {@code openai}, or
	 * {@code openai.clients.<name>} for a named client
	 */
	public MissingApiKeyException(String baseUrl, boolean unresolvedPlaceholder, String propertyPrefix) {
		super(unresolvedPlaceholder ? "The OpenAI API key configured for " + baseUrl
				+ " is an unresolved ${...} placeholder: the" + " variable it names is not set"
				: "No OpenAI API key is configured for " + baseUrl);
		this.baseUrl = baseUrl;
		this.unresolvedPlaceholder = unresolvedPlaceholder;
		this.propertyPrefix = propertyPrefix;
	}

	/**
	 * The prefix of the settings of the client without a key.
	 * @return {@code openai}, or {@code openai.clients.<name>}
	 */
	public String propertyPrefix() {
		return this.propertyPrefix;
	}

	/**
	 * Whether a key is set but is an unresolved {@code ${...}} placeholder.
	 * @return whether the key is a placeholder
	 */
	public boolean isUnresolvedPlaceholder() {
		return this.unresolvedPlaceholder;
	}

	/**
	 * The base URL that needs a key.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

}
