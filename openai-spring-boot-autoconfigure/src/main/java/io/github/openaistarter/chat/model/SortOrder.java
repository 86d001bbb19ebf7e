package io.github.openaistarter.chat.model;

import java.util.Locale;

/**
 * The order of a list, by creation time.
 */
public enum SortOrder {

	/** Oldest first (OpenAI's default). */
	ASC,

	/** Newest first. */
	DESC;

	/**
	 * The value sent in the {@code order} query parameter.
	 * @return {@code asc} or {@code desc}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
