package io.github.openaistarter.core;

import org.jspecify.annotations.Nullable;

/**
 * A response body together with the {@link ResponseMetadata} of the HTTP response that
 * carried it.
 *
 * @param <T> the body type
 * @param body the decoded body
 * @param metadata status, headers, request id and rate limits
 */
public record OpenAiResponse<T>(T body, ResponseMetadata metadata) {

	/**
	 * The {@code x-request-id} of the response.
	 * @return the request id, or {@code null} if the server sent none
	 */
	public @Nullable String requestId() {
		return this.metadata.requestId();
	}

	/**
	 * The parsed {@code x-ratelimit-*} headers.
	 * @return the rate limit
	 */
	public RateLimit rateLimit() {
		return this.metadata.rateLimit();
	}

}
