package io.github.openaistarter.chat.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Filters and paging of {@code list}: stored completions of a model and with given
 * metadata, where to start, how many per page, and in which order. <pre>{@code
 * ListChatCompletionsParams.builder()
 *     .model("gpt-4.1-mini")
 *     .metadata("customer", "acme")
 *     .limit(50)
 *     .build();
 * }</pre> Each metadata pair is sent as its own {@code metadata[key]=value} query
 * parameter; a completion matches when it has all of them.
 *
 * @param after the id of the completion after which the page starts, or {@code null} for
 * the first page
 * @param limit the page size (at least 1), or {@code null} for OpenAI's default (20)
 * @param order the order, or {@code null} for OpenAI's default (oldest first)
 * @param model only completions of this model, or {@code null} for all
 * @param metadata only completions with all these metadata pairs; empty for all
 */
public record ListChatCompletionsParams(@Nullable String after, @Nullable Integer limit, @Nullable SortOrder order,
		@Nullable String model, Map<String, String> metadata) {

	/**
	 * No parameters: the first page of all stored completions, in OpenAI's default size
	 * and order.
	 */
	public static final ListChatCompletionsParams NONE = new ListChatCompletionsParams(null, null, null, null,
			Map.of());

	/**
	 * Creates parameters.
	 * @param after the cursor
	 * @param limit the page size
	 * @param order the order
	 * @param model the model filter
	 * @param metadata the metadata filter
	 * @throws IllegalArgumentException if the limit is below 1 or the metadata breaks
	 * OpenAI's limits
	 */
	public ListChatCompletionsParams {
		Assert.isTrue(limit == null || limit >= 1, () -> "limit must be at least 1, was " + limit);
		metadata = Metadata.validate(metadata);
	}

	/**
	 * Starts building parameters.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns a copy that starts after another completion.
	 * @param after the completion id, or {@code null} for the first page
	 * @return the copy
	 */
	public ListChatCompletionsParams withAfter(@Nullable String after) {
		return new ListChatCompletionsParams(after, this.limit, this.order, this.model, this.metadata);
	}

	/**
	 * Builds {@link ListChatCompletionsParams}.
	 */
	public static final class Builder {

		private @Nullable String after;

		private @Nullable Integer limit;

		private @Nullable SortOrder order;

		private @Nullable String model;

		private final Map<String, String> metadata = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Starts the page after this completion id.
		 * @param after the id
		 * @return this builder
		 */
		public Builder after(@Nullable String after) {
			this.after = after;
			return this;
		}

		/**
		 * Sets the page size.
		 * @param limit at least 1
		 * @return this builder
		 */
		public Builder limit(@Nullable Integer limit) {
			this.limit = limit;
			return this;
		}

		/**
		 * Sets the order.
		 * @param order the order
		 * @return this builder
		 */
		public Builder order(@Nullable SortOrder order) {
			this.order = order;
			return this;
		}

		/**
		 * Keeps only completions of a model.
		 * @param model the model
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Keeps only completions with this metadata pair (pairs add up).
		 * @param key the key
		 * @param value the value
		 * @return this builder
		 */
		public Builder metadata(String key, String value) {
			this.metadata.put(key, value);
			return this;
		}

		/**
		 * Keeps only completions with all these metadata pairs (adds to earlier pairs).
		 * @param metadata the pairs
		 * @return this builder
		 */
		public Builder metadata(Map<String, String> metadata) {
			this.metadata.putAll(metadata);
			return this;
		}

		/**
		 * Builds the parameters.
		 * @return the parameters
		 */
		public ListChatCompletionsParams build() {
			return new ListChatCompletionsParams(this.after, this.limit, this.order, this.model, this.metadata);
		}

	}

}
