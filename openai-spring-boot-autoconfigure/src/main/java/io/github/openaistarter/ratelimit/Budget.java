package io.github.openaistarter.ratelimit;

/**
 * The two budgets OpenAI limits per model.
 */
public enum Budget {

	/** Requests per minute. */
	REQUESTS("requests"),

	/** Tokens per minute: prompt tokens and the most the answer may use. */
	TOKENS("tokens");

	private final String value;

	Budget(String value) {
		this.value = value;
	}

	/**
	 * The budget's name, as meters tag it and OpenAI's headers name it.
	 * @return {@code requests} or {@code tokens}
	 */
	public String value() {
		return this.value;
	}

}
