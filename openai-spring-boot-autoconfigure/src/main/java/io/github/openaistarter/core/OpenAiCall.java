package io.github.openaistarter.core;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;

/**
 * One HTTP call to OpenAI, as the {@link OpenAiTransport} sends it: operation name,
 * method, encoded path and query, and an optional JSON body. Path segments and query
 * parameters are percent-encoded strictly (every character but
 * {@code A-Z a-z 0-9 - . _ ~}), so ids and metadata values with {@code &}, {@code =},
 * {@code +}, spaces or non-ASCII text arrive intact.
 *
 * <pre>{@code
 * OpenAiCall call = OpenAiCall.builder("chat.completions.list", HttpMethod.GET, "/chat/completions")
 *     .query("limit", 20)
 *     .query("metadata[topic]", "billing & tax")
 *     .build();
 * }</pre>
 *
 * @param operation a stable name of the operation, for example
 * {@code chat.completions.create}
 * @param method the HTTP method
 * @param path the encoded path relative to the base URL, for example
 * {@code /chat/completions/chatcmpl-1}
 * @param query the encoded query string without {@code ?}, empty when there is none
 * @param body the JSON body, or {@code null}
 * @param options overrides of the configured timeout, retries and headers for this call
 * @param repeatable whether the call can be repeated without a visible effect (false for
 * creating a stored completion, which OpenAI does not deduplicate); decides which
 * failures are retried
 * @param model the model the call asks for, or {@code null}; for observations
 */
public record OpenAiCall(String operation, HttpMethod method, String path, String query, byte @Nullable [] body,
		RequestOptions options, boolean repeatable, @Nullable String model) {

	/**
	 * Starts a call.
	 * @param operation a stable name of the operation
	 * @param method the HTTP method
	 * @param path the path relative to the base URL, already safe (a literal such as
	 * {@code /chat/completions})
	 * @return a builder
	 */
	public static Builder builder(String operation, HttpMethod method, String path) {
		return new Builder(operation, method, path);
	}

	/**
	 * The path and query, as appended to the base URL.
	 * @return for example {@code /chat/completions?limit=20}
	 */
	public String pathAndQuery() {
		return this.query.isEmpty() ? this.path : this.path + "?" + this.query;
	}

	/**
	 * Describes the call for messages: method and path, without the query.
	 * @return for example {@code GET /chat/completions/chatcmpl-1}
	 */
	public String describe() {
		return this.method.name() + " " + this.path;
	}

	/**
	 * Builds an {@link OpenAiCall}.
	 */
	public static final class Builder {

		private final String operation;

		private final HttpMethod method;

		private final StringBuilder path;

		private final StringBuilder query = new StringBuilder();

		private byte @Nullable [] body;

		private RequestOptions options = RequestOptions.NONE;

		private boolean repeatable = true;

		private @Nullable String model;

		private Builder(String operation, HttpMethod method, String path) {
			this.operation = operation;
			this.method = method;
			this.path = new StringBuilder(path);
		}

		/**
		 * Appends one path segment, percent-encoded.
		 * @param segment the raw segment, for example a completion id
		 * @return this builder
		 */
		public Builder pathSegment(String segment) {
			this.path.append('/').append(encode(segment));
			return this;
		}

		/**
		 * Appends a query parameter, percent-encoded; a {@code null} value adds nothing.
		 * @param name the raw name, for example {@code metadata[topic]}
		 * @param value the raw value
		 * @return this builder
		 */
		public Builder query(String name, @Nullable Object value) {
			if (value != null) {
				this.query.append(this.query.isEmpty() ? "" : "&")
					.append(encode(name))
					.append('=')
					.append(encode(value.toString()));
			}
			return this;
		}

		/**
		 * Sets the JSON body.
		 * @param json the serialized body
		 * @return this builder
		 */
		public Builder body(byte[] json) {
			this.body = json;
			return this;
		}

		/**
		 * Sets overrides of the configured timeout, retries and headers for this call.
		 * @param options the options
		 * @return this builder
		 */
		public Builder options(RequestOptions options) {
			this.options = options;
			return this;
		}

		/**
		 * Marks whether the call can be repeated without a visible effect (default
		 * {@code true}).
		 * @param repeatable {@code false} for a call whose repetition would duplicate
		 * something
		 * @return this builder
		 */
		public Builder repeatable(boolean repeatable) {
			this.repeatable = repeatable;
			return this;
		}

		/**
		 * Names the model the call asks for, for observations.
		 * @param model the model, or {@code null}
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Builds the call.
		 * @return the call
		 */
		public OpenAiCall build() {
			return new OpenAiCall(this.operation, this.method, this.path.toString(), this.query.toString(), this.body,
					this.options, this.repeatable, this.model);
		}

		private static String encode(String raw) {
			return UriUtils.encode(raw, StandardCharsets.UTF_8);
		}

	}

}
