package io.github.openaistarter.core;

import org.springframework.http.HttpHeaders;

/**
 * Adds or changes the headers of every attempt of every OpenAI call, after the starter's
 * own (the key, the organization and project, the configured headers, the trace context):
 * the starter's replacement for a {@code WebClient} filter that adds headers. It runs
 * once per attempt, as the request is written, so a value computed here (a tenant, a
 * signature, a fresh token) is current for each retry. To see responses, decoded items,
 * retries and outcomes, register an {@link OpenAiCallObserver}.
 *
 * <p>
 * Declared as a bean, it applies to every client the auto-configuration builds;
 * {@code OpenAiClient.builder().requestCustomizer(...)} and
 * {@link OpenAiTransport.Builder#requestCustomizer} add one by hand. It must not block.
 */
@FunctionalInterface
public interface OpenAiRequestCustomizer {

	/**
	 * Customizes the headers of one attempt.
	 * @param call the call being sent (its operation, method, path and options)
	 * @param headers the request's headers, to change in place
	 */
	void customize(OpenAiCall call, HttpHeaders headers);

}
