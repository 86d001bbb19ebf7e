package io.github.openaistarter.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link MissingApiKeyException} at startup: where the key is read from and
 * how to run without one.
 */
class MissingApiKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingApiKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingApiKeyException cause) {
		String prefix = cause.propertyPrefix();
		String description = cause.isUnresolvedPlaceholder()
				? "The OpenAI API key is an unresolved ${...} placeholder (the environment variable it names is not"
						+ " set); it would be sent to " + cause.baseUrl() + " as the key."
				: "The OpenAI client has no API key, and its base URL is " + cause.baseUrl() + ", which requires one.";
		return new FailureAnalysis(description,
				"Set the '" + prefix + ".api-key' property or the OPENAI_API_KEY environment variable. To use a local"
						+ " OpenAI-compatible server without a key, set '" + prefix + ".base-url' to it. To run without"
						+ " the OpenAI client, set '" + prefix + ".enabled=false'.",
				cause);
	}

}
