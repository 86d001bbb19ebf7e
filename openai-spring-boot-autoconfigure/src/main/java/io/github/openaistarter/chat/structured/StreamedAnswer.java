package io.github.openaistarter.chat.structured;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChunkChoice;
import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.schema.TypeMismatchException;

import org.springframework.util.Assert;

/**
 * What a streamed structured answer has said so far (its first choice): the text, any
 * refusal, why it stopped, the request id; and the checks that end it. Shared by the
 * readers of streamed answers; not thread-safe.
 */
final class StreamedAnswer {

	private final StringBuilder text = new StringBuilder();

	private final StringBuilder refusal = new StringBuilder();

	private @Nullable FinishReason finishReason;

	private @Nullable String requestId;

	/**
	 * A copy of a request that asks for a structured answer in one choice.
	 * @param output the answer's structured output
	 * @param request the request, with {@code n} unset or 1
	 * @return the request with the answer's {@code response_format}
	 */
	static ChatCompletionRequest applyTo(StructuredOutput<?> output, ChatCompletionRequest request) {
		Assert.notNull(request, "request must not be null");
		Object choices = request.get("n");
		Assert.isTrue(choices == null || Integer.valueOf(1).equals(choices),
				() -> "A streamed structured answer reads one choice; the request asks for n=" + choices);
		return output.applyTo(request);
	}

	void requestId(@Nullable String requestId) {
		this.requestId = requestId;
	}

	/**
	 * Takes a chunk in.
	 * @param chunk the chunk
	 * @return the answer text it adds, or {@code null} when it adds none (or the model
	 * refuses)
	 */
	@Nullable String add(ChatCompletionChunk chunk) {
		String added = null;
		for (ChunkChoice choice : chunk.choices()) {
			if (choice.index() != 0) {
				continue;
			}
			if (choice.finishReason() != null) {
				this.finishReason = choice.finishReason();
			}
			if (choice.delta().refusal() != null) {
				this.refusal.append(choice.delta().refusal());
			}
			String content = choice.delta().content();
			if (content != null && !content.isEmpty() && this.refusal.isEmpty()) {
				this.text.append(content);
				added = (added != null) ? added + content : content;
			}
		}
		return added;
	}

	/**
	 * Fails an answer that was refused or cut off.
	 * @throws StructuredAnswerException if it was
	 */
	void checkComplete() {
		StructuredOutput.checkComplete(this.refusal.toString(), this.finishReason, this.requestId, text());
	}

	MalformedAnswerException malformed(TypeMismatchException ex) {
		return new MalformedAnswerException(ex, this.requestId, text());
	}

	private @Nullable String text() {
		return this.text.isEmpty() ? null : this.text.toString();
	}

}
