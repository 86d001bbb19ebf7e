package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * How long the answer should be ({@code verbosity}).
 */
public final class Verbosity extends WireValue {

	/** {@code low}: concise. */
	public static final Verbosity LOW = new Verbosity("low");

	/** {@code medium}: the default. */
	public static final Verbosity MEDIUM = new Verbosity("medium");

	/** {@code high}: verbose. */
	public static final Verbosity HIGH = new Verbosity("high");

	private Verbosity(String value) {
		super(value);
	}

	/**
	 * Returns the value for a wire string, known to this library or not.
	 * @param value the wire value
	 * @return the value
	 */
	@JsonCreator
	public static Verbosity of(String value) {
		return new Verbosity(value);
	}

}
