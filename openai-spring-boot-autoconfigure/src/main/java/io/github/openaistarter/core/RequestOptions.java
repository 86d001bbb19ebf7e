package io.github.openaistarter.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Settings for some calls only, overriding the configured ones: a timeout, a retry
 * budget, extra headers. <pre>{@code
 * chat.withOptions(RequestOptions.builder().timeout(Duration.ofSeconds(20)).maxRetries(0).build())
 *     .create(request);
 * }</pre>
 *
 * @param timeout the response timeout of each attempt (for streams: the wait for the
 * first chunk), or {@code null} for the configured one; with retries a call may take up
 * to (retries + 1) times it, plus the waits between attempts
 * @param maxRetries how many times a failed call is retried, or {@code null} for the
 * configured number
 * @param headers extra headers, added to (and replacing same-named) configured ones
 */
public record RequestOptions(@Nullable Duration timeout, @Nullable Integer maxRetries, Map<String, String> headers) {

	/** No overrides. */
	public static final RequestOptions NONE = new RequestOptions(null, null, Map.of());

	/**
	 * Creates options.
	 * @param timeout the timeout
	 * @param maxRetries the retry budget
	 * @param headers extra headers
	 */
	public RequestOptions {
		Assert.isTrue(timeout == null || (!timeout.isNegative() && !timeout.isZero()), "timeout must be positive");
		Assert.isTrue(maxRetries == null || maxRetries >= 0, "maxRetries must not be negative");
		headers = Map.copyOf(headers);
	}

	/**
	 * Starts building options.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * These options, with the ones of {@code other} where it sets them.
	 * @param other the options that win
	 * @return the combined options
	 */
	public RequestOptions with(RequestOptions other) {
		Map<String, String> combined = new LinkedHashMap<>(this.headers);
		combined.putAll(other.headers);
		return new RequestOptions((other.timeout != null) ? other.timeout : this.timeout,
				(other.maxRetries != null) ? other.maxRetries : this.maxRetries, combined);
	}

	/**
	 * Builds {@link RequestOptions}.
	 */
	public static final class Builder {

		private @Nullable Duration timeout;

		private @Nullable Integer maxRetries;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Sets the response timeout of these calls.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder timeout(@Nullable Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Sets how many times these calls are retried; 0 turns retries off.
		 * @param maxRetries the retry budget
		 * @return this builder
		 */
		public Builder maxRetries(@Nullable Integer maxRetries) {
			this.maxRetries = maxRetries;
			return this;
		}

		/**
		 * Adds a header to these calls.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			Assert.hasText(name, "header name must not be empty");
			Assert.notNull(value, "header value must not be null");
			this.headers.put(name, value);
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 */
		public RequestOptions build() {
			return new RequestOptions(this.timeout, this.maxRetries, this.headers);
		}

	}

}
