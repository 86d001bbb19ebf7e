package io.github.openaistarter.chat.structured;

import org.jspecify.annotations.Nullable;

/**
 * The model refused to answer ({@code message.refusal} was set instead of the JSON),
 * usually for safety reasons. The refusal text is meant for the end user.
 */
public class RefusedAnswerException extends StructuredAnswerException {

	private static final long serialVersionUID = 1L;

	private final String refusal;

	/**
	 * Creates the exception.
	 * @param refusal the model's refusal text
	 * @param requestId the {@code x-request-id} of the response, if known
	 * @param text any content that came with the refusal
	 */
	public RefusedAnswerException(String refusal, @Nullable String requestId, @Nullable String text) {
		super("The model refused to answer: " + refusal, null, requestId, text);
		this.refusal = refusal;
	}

	/**
	 * What the model said instead of answering.
	 * @return the refusal text
	 */
	public String refusal() {
		return this.refusal;
	}

}
