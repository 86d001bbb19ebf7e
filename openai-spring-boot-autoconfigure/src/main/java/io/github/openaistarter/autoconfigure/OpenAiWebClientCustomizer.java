package io.github.openaistarter.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} of the OpenAI client only (not the
 * application's other clients), after the application's {@code WebClientCustomizer}s and
 * the starter's own settings: add a filter, replace the connector, limit codecs.
 */
@FunctionalInterface
public interface OpenAiWebClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder of the OpenAI {@link WebClient}
	 */
	void customize(WebClient.Builder builder);

}
