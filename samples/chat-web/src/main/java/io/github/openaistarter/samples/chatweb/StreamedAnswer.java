package io.github.openaistarter.samples.chatweb;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.stream.ChatCompletionAccumulator;
import io.github.openaistarter.core.OpenAiResponse;
import io.github.openaistarter.core.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * One answer while it streams in: the chunks so far, when the first came, and the response's metadata. Not
 * thread-safe: a stream delivers its chunks one at a time.
 */
final class StreamedAnswer {

	private final long start = System.nanoTime();

	private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();

	private @Nullable Long firstChunkMillis;

	private @Nullable ResponseMetadata metadata;

	/**
	 * Adds a chunk.
	 * @param response the chunk and the metadata of the response that carries it
	 * @return the text of the chunk, empty when it carries none
	 */
	String add(OpenAiResponse<ChatCompletionChunk> response) {
		if (this.firstChunkMillis == null) {
			this.firstChunkMillis = CallTiming.millisSince(this.start);
			this.metadata = response.metadata();
		}
		return this.accumulator.add(response.body()).text();
	}

	/**
	 * Summarizes the answer once the stream is complete.
	 * @param stored whether the request asked to store the completion
	 * @return the summary
	 */
	Done done(boolean stored) {
		ChatCompletion completion = this.accumulator.toCompletion();
		ResponseMetadata metadata = this.metadata;
		CallTiming timing = new CallTiming("stream", CallTiming.millisSince(this.start), this.firstChunkMillis,
				(metadata != null) ? CallTiming.millis(metadata.processingTime()) : null,
				(metadata != null) ? metadata.requestId() : null);
		Long tokens = (completion.usage() != null) ? completion.usage().totalTokens() : null;
		return new Done(completion.id(), completion.model(), stored, tokens, timing);
	}

	/**
	 * The last event of a streamed answer.
	 * @param id the completion id
	 * @param model the model that answered
	 * @param stored whether the completion was stored
	 * @param totalTokens the tokens used, or {@code null} when the server did not say
	 * @param timing how long the stream took
	 */
	record Done(String id, String model, boolean stored, @Nullable Long totalTokens, CallTiming timing) {

	}

}
