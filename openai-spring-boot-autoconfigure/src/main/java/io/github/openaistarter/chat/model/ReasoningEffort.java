package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * How much a reasoning model thinks before answering ({@code reasoning_effort}).
 */
public final class ReasoningEffort extends WireValue {

	/** {@code none}: no reasoning. */
	public static final ReasoningEffort NONE = new ReasoningEffort("none");

	/** {@code minimal}: minimal reasoning. */
	public static final ReasoningEffort MINIMAL = new ReasoningEffort("minimal");

	/** {@code low}: low effort. */
	public static final ReasoningEffort LOW = new ReasoningEffort("low");

	/** {@code medium}: medium effort, the default. */
	public static final ReasoningEffort MEDIUM = new ReasoningEffort("medium");

	/** {@code high}: high effort. */
	public static final ReasoningEffort HIGH = new ReasoningEffort("high");

	/** {@code xhigh}: extra-high effort. */
	public static final ReasoningEffort XHIGH = new ReasoningEffort("xhigh");

	/** {@code max}: maximum effort. */
	public static final ReasoningEffort MAX = new ReasoningEffort("max");

	private ReasoningEffort(String value) {
		super(value);
	}

	/**
	 * Returns the value for a wire string, known to this library or not.
	 * @param value the wire value
	 * @return the value
	 */
	@JsonCreator
	public static ReasoningEffort of(String value) {
		return new ReasoningEffort(value);
	}

}
