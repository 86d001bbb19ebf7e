package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Base of the enum-like wire values ({@link FinishReason}, {@link ServiceTier},
 * {@link ReasoningEffort}, {@link Verbosity}). The set is open: a value OpenAI adds later
 * is read as it comes instead of failing, and can be sent before this library names it.
 */
public abstract class WireValue {

	private final String value;

	/**
	 * Creates a value.
	 * @param value the wire value
	 */
	protected WireValue(String value) {
		Assert.notNull(value, "value must not be null");
		this.value = value;
	}

	/**
	 * The value as sent on the wire.
	 * @return for example {@code stop}
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other
				|| (other != null && other.getClass() == getClass() && ((WireValue) other).value.equals(this.value));
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
