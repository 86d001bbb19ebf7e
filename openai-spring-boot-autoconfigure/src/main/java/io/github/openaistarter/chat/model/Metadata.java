package io.github.openaistarter.chat.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rules OpenAI applies to {@code metadata}, checked here before any request is sent:
 * at most 16 pairs, keys up to 64 characters, values up to 512 characters, no
 * {@code null}s.
 */
public final class Metadata {

	/** Most pairs a metadata map may hold. */
	public static final int MAX_PAIRS = 16;

	/** Longest key. */
	public static final int MAX_KEY_LENGTH = 64;

	/** Longest value. */
	public static final int MAX_VALUE_LENGTH = 512;

	private Metadata() {
	}

	/**
	 * Checks metadata against OpenAI's limits.
	 * @param metadata the metadata
	 * @return an immutable copy of the metadata
	 * @throws IllegalArgumentException naming the broken rule
	 */
	public static Map<String, String> validate(@Nullable Map<String, String> metadata) {
		if (metadata == null) {
			throw new IllegalArgumentException("metadata must not be null");
		}
		if (metadata.size() > MAX_PAIRS) {
			throw new IllegalArgumentException(
					"metadata has " + metadata.size() + " pairs; OpenAI accepts at most " + MAX_PAIRS);
		}
		metadata.forEach((key, value) -> {
			if (key == null || key.isEmpty()) {
				throw new IllegalArgumentException("metadata keys must not be empty");
			}
			if (key.length() > MAX_KEY_LENGTH) {
				throw new IllegalArgumentException("metadata key '" + key.substring(0, 16) + "...' has " + key.length()
						+ " characters; OpenAI accepts at most " + MAX_KEY_LENGTH);
			}
			if (value == null) {
				throw new IllegalArgumentException("metadata value of '" + key + "' must not be null");
			}
			if (value.length() > MAX_VALUE_LENGTH) {
				throw new IllegalArgumentException("metadata value of '" + key + "' has " + value.length()
						+ " characters; OpenAI accepts at most " + MAX_VALUE_LENGTH);
			}
		});
		return Immutables.map(metadata);
	}

}
