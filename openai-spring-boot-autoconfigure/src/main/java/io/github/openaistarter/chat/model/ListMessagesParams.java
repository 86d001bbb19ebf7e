package io.github.openaistarter.chat.model;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Paging of {@code listMessages}: where to start, how many per page, and in which order.
 * <pre>{@code
 * ListMessagesParams.builder().limit(50).order(SortOrder.DESC).build();
 * }</pre>
 *
 * @param after the id of the message after which the page starts, or {@code null} for the
 * first page
 * @param limit the page size (at least 1), or {@code null} for OpenAI's default (20)
 * @param order the order, or {@code null} for OpenAI's default (oldest first)
 */
public record ListMessagesParams(@Nullable String after, @Nullable Integer limit, @Nullable SortOrder order) {

	/** No parameters: the first page, in OpenAI's default size and order. */
	public static final ListMessagesParams NONE = new ListMessagesParams(null, null, null);

	/**
	 * Creates parameters.
	 * @param after the cursor
	 * @param limit the page size
	 * @param order the order
	 * @throws IllegalArgumentException if the limit is below 1
	 */
	public ListMessagesParams {
		Assert.isTrue(limit == null || limit >= 1, () -> "limit must be at least 1, was " + limit);
	}

	/**
	 * Starts building parameters.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns a copy that starts after another message.
	 * @param after the message id, or {@code null} for the first page
	 * @return the copy
	 */
	public ListMessagesParams withAfter(@Nullable String after) {
		return new ListMessagesParams(after, this.limit, this.order);
	}

	/**
	 * Builds {@link ListMessagesParams}.
	 */
	public static final class Builder {

		private @Nullable String after;

		private @Nullable Integer limit;

		private @Nullable SortOrder order;

		private Builder() {
		}

		/**
		 * Starts the page after this message id.
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
		 * Builds the parameters.
		 * @return the parameters
		 */
		public ListMessagesParams build() {
			return new ListMessagesParams(this.after, this.limit, this.order);
		}

	}

}
