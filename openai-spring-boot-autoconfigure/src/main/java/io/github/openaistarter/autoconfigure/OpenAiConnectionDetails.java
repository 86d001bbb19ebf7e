package io.github.openaistarter.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where and as whom to connect to OpenAI. Backed by {@code openai.*} properties by
 * default; declare a bean of this type to supply them otherwise (a test fake, a secrets
 * manager, Testcontainers).
 */
public interface OpenAiConnectionDetails extends ConnectionDetails {

	/**
	 * The base URL of the API, including the version path.
	 * @return for example {@code https://api.openai.com/v1}
	 */
	String baseUrl();

	/**
	 * The API key, sent as a Bearer token.
	 * @return the key, or {@code null} for a server that needs none
	 */
	@Nullable String apiKey();

	/**
	 * The organization id, sent as the {@code OpenAI-Organization} header.
	 * @return the organization, or {@code null}
	 */
	default @Nullable String organization() {
		return null;
	}

	/**
	 * The project id, sent as the {@code OpenAI-Project} header.
	 * @return the project, or {@code null}
	 */
	default @Nullable String project() {
		return null;
	}

}
