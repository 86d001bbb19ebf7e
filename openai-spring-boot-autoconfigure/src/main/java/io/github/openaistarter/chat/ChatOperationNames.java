package io.github.openaistarter.chat;

/**
 * The names of the Chat Completions operations, as they appear in observations
 * ({@code openai.operation}), logs and
 * {@link io.github.openaistarter.core.OpenAiCall#operation()}.
 */
public final class ChatOperationNames {

	/** Create a completion: {@code POST /chat/completions}. */
	public static final String CREATE = "chat.completions.create";

	/** Stream a completion: {@code POST /chat/completions} with {@code stream: true}. */
	public static final String STREAM = "chat.completions.stream";

	/** Retrieve a stored completion: {@code GET /chat/completions/{id}}. */
	public static final String RETRIEVE = "chat.completions.retrieve";

	/** Update a stored completion's metadata: {@code POST /chat/completions/{id}}. */
	public static final String UPDATE = "chat.completions.update";

	/** Delete a stored completion: {@code DELETE /chat/completions/{id}}. */
	public static final String DELETE = "chat.completions.delete";

	/** List one page of stored completions: {@code GET /chat/completions}. */
	public static final String LIST = "chat.completions.list";

	/** Walk every page of stored completions (one {@link #LIST} call per page). */
	public static final String LIST_ALL = "chat.completions.list_all";

	/**
	 * List one page of a stored completion's messages: {@code GET
	 * /chat/completions/{id}/messages}.
	 */
	public static final String LIST_MESSAGES = "chat.completions.messages.list";

	/**
	 * Walk every page of a stored completion's messages (one {@link #LIST_MESSAGES} call
	 * per page).
	 */
	public static final String LIST_ALL_MESSAGES = "chat.completions.messages.list_all";

	private ChatOperationNames() {
	}

}
