package io.github.openaistarter.chat.structured;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.core.OpenAiException;

/**
 * A completion arrived but its answer could not be read as the requested type. One of
 * three reasons, each a subtype: the model {@linkplain RefusedAnswerException refused},
 * the answer was {@linkplain IncompleteAnswerException cut off}, or its JSON
 * {@linkplain MalformedAnswerException does not fit} the type.
 */
public abstract class StructuredAnswerException extends OpenAiException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String text;

	/**
	 * Creates the exception.
	 * @param message what went wrong
	 * @param cause the underlying failure, if any
	 * @param requestId the {@code x-request-id} of the response, if known
	 * @param text the answer's text as it arrived, if any
	 */
	protected StructuredAnswerException(String message, @Nullable Throwable cause, @Nullable String requestId,
			@Nullable String text) {
		super(message, cause, requestId);
		this.text = text;
	}

	/**
	 * The answer's text as it arrived (the partial JSON of a cut-off answer, for
	 * example).
	 * @return the text, or {@code null} when the answer had none
	 */
	public @Nullable String text() {
		return this.text;
	}

}
