package io.github.openaistarter.chat.structured;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.chat.model.FinishReason;

/**
 * The answer stopped before its JSON was complete: the token limit was reached
 * ({@code finish_reason: length}; raise {@code max_completion_tokens}) or a content
 * filter cut it ({@code content_filter}).
 */
public class IncompleteAnswerException extends StructuredAnswerException {

	private static final long serialVersionUID = 1L;

	private final FinishReason finishReason;

	/**
	 * Creates the exception.
	 * @param finishReason why the answer stopped
	 * @param requestId the {@code x-request-id} of the response, if known
	 * @param text the partial answer
	 */
	public IncompleteAnswerException(FinishReason finishReason, @Nullable String requestId, @Nullable String text) {
		super(message(finishReason), null, requestId, text);
		this.finishReason = finishReason;
	}

	private static String message(FinishReason finishReason) {
		if (FinishReason.LENGTH.equals(finishReason)) {
			return "The answer was cut off at the token limit (finish_reason length) before its JSON was complete;"
					+ " raise max_completion_tokens";
		}
		if (FinishReason.CONTENT_FILTER.equals(finishReason)) {
			return "The answer was cut off by a content filter (finish_reason content_filter)"
					+ " before its JSON was complete";
		}
		return "The answer stopped (finish_reason " + finishReason.value() + ") before its JSON was complete";
	}

	/**
	 * Why the answer stopped.
	 * @return {@link FinishReason#LENGTH}, {@link FinishReason#CONTENT_FILTER} or another
	 * reason
	 */
	public FinishReason finishReason() {
		return this.finishReason;
	}

}
