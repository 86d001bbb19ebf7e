package io.github.openaistarter.samples.chatweb;

import java.util.ArrayList;
import java.util.List;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.stream.ChatCompletionAccumulator;
import io.github.openaistarter.core.OpenAiResponse;
import io.github.openaistarter.core.ResponseMetadata;
import io.github.openaistarter.samples.chatweb.StreamedToolCalls.ToolCallShown;
import org.jspecify.annotations.Nullable;

/**
 * One answer while it streams in, through every round of its tool loop: each round (one
 * completion of the model, whose chunks share an id) is rebuilt on its own, with its tool
 * calls; the answer keeps when the first chunk came, the tokens of every round, and the
 * metadata of the last response. Not thread-safe: a stream delivers its chunks one at a
 * time.
 */
final class StreamedAnswer {

	private final long start = System.nanoTime();

	private @Nullable Long firstChunkMillis;

	private @Nullable ResponseMetadata metadata;

	private @Nullable String roundId;

	private ChatCompletionAccumulator round = new ChatCompletionAccumulator();

	private StreamedToolCalls roundToolCalls = new StreamedToolCalls();

	private int rounds;

	private int toolCalls;

	private @Nullable Long tokens;

	/**
	 * Notes the response that carries a chunk.
	 * @param response the chunk and the metadata of its response
	 * @return the chunk
	 */
	ChatCompletionChunk received(OpenAiResponse<ChatCompletionChunk> response) {
		if (this.firstChunkMillis == null) {
			this.firstChunkMillis = CallTiming.millisSince(this.start);
		}
		this.metadata = response.metadata();
		return response.body();
	}

	/**
	 * Adds a chunk of any round.
	 * @param chunk the chunk
	 * @return what it brings to show: the tool calls it starts or completes, and its text
	 */
	Progress add(ChatCompletionChunk chunk) {
		List<ToolCallShown> shown = new ArrayList<>();
		if (!chunk.id().equals(this.roundId)) {
			if (this.roundId != null) {
				shown.addAll(this.roundToolCalls.finish());
				endRound();
			}
			this.roundId = chunk.id();
			this.rounds++;
		}
		this.round.add(chunk);
		shown.addAll(this.roundToolCalls.add(chunk));
		return new Progress(shown, chunk.text());
	}

	private ChatCompletion endRound() {
		ChatCompletion completion = this.round.toCompletion();
		this.toolCalls += completion.choices().isEmpty() ? 0 : completion.message().toolCalls().size();
		if (completion.usage() != null) {
			this.tokens = ((this.tokens != null) ? this.tokens : 0) + completion.usage().totalTokens();
		}
		this.round = new ChatCompletionAccumulator();
		this.roundToolCalls = new StreamedToolCalls();
		return completion;
	}

	/**
	 * Summarizes the answer once the stream is complete.
	 * @param stored whether the request asked to store the completion
	 * @return the summary
	 */
	Done done(boolean stored) {
		ChatCompletion completion = endRound();
		ResponseMetadata metadata = this.metadata;
		CallTiming timing = new CallTiming("stream", CallTiming.millisSince(this.start), this.firstChunkMillis,
				(metadata != null) ? CallTiming.millis(metadata.processingTime()) : null,
				(metadata != null) ? metadata.requestId() : null);
		return new Done(completion.id(), completion.model(), stored, this.tokens, this.rounds, this.toolCalls, timing);
	}

	/**
	 * What a chunk brings to show.
	 *
	 * @param toolCalls the tool calls it starts or completes
	 * @param text its text, empty when it carries none
	 */
	record Progress(List<ToolCallShown> toolCalls, String text) {

	}

	/**
	 * The last event of a streamed answer.
	 *
	 * @param id the id of the final completion, the one with the answer's text
	 * @param model the model that answered
	 * @param stored whether the completions were stored (each round's is)
	 * @param totalTokens the tokens used by every round, or {@code null} when the server
	 * did not say
	 * @param rounds the model's answers it took: one, plus one per answer that called
	 * tools
	 * @param toolCalls the tools the model called
	 * @param timing how long the stream took; OpenAI's time and the request id are those
	 * of the last round
	 */
	record Done(String id, String model, boolean stored, @Nullable Long totalTokens, int rounds, int toolCalls,
			CallTiming timing) {

	}

}
