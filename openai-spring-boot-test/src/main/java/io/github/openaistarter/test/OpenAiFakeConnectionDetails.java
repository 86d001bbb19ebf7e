package io.github.openaistarter.test;

import io.github.openaistarter.autoconfigure.OpenAiConnectionDetails;

/**
 * Connects the starter to an {@link OpenAiFakeServer}: its base URL and the API key it
 * expects.
 */
final class OpenAiFakeConnectionDetails implements OpenAiConnectionDetails {

	private final OpenAiFakeServer server;

	OpenAiFakeConnectionDetails(OpenAiFakeServer server) {
		this.server = server;
	}

	@Override
	public String baseUrl() {
		return this.server.baseUrl();
	}

	@Override
	public String apiKey() {
		return this.server.apiKey();
	}

}
