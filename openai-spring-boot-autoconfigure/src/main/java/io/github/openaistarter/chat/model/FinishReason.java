package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Why a choice stopped generating ({@code finish_reason}).
 */
public final class FinishReason extends WireValue {

	/** {@code stop}: a natural stop or a stop sequence. */
	public static final FinishReason STOP = new FinishReason("stop");

	/** {@code length}: the token limit was reached. */
	public static final FinishReason LENGTH = new FinishReason("length");

	/** {@code tool_calls}: the model called tools. */
	public static final FinishReason TOOL_CALLS = new FinishReason("tool_calls");

	/** {@code content_filter}: content was omitted by a filter. */
	public static final FinishReason CONTENT_FILTER = new FinishReason("content_filter");

	/** {@code function_call}: the model called a function (deprecated). */
	public static final FinishReason FUNCTION_CALL = new FinishReason("function_call");

	private FinishReason(String value) {
		super(value);
	}

	/**
	 * Returns the value for a wire string, known to this library or not.
	 * @param value the wire value
	 * @return the value
	 */
	@JsonCreator
	public static FinishReason of(String value) {
		return new FinishReason(value);
	}

}
