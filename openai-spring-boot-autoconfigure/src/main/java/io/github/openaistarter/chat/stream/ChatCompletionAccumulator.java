package io.github.openaistarter.chat.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.Choice;
import io.github.openaistarter.chat.model.ChunkChoice;
import io.github.openaistarter.chat.model.Moderation;
import io.github.openaistarter.chat.model.ServiceTier;
import io.github.openaistarter.chat.model.Usage;

/**
 * Rebuilds the final {@link ChatCompletion} from the chunks of a stream: content and
 * refusal text concatenated, tool-call fragments merged by index, every choice, finish
 * reasons, log probabilities and the usage chunk. <pre>{@code
 * ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
 * try (Stream<ChatCompletionChunk> chunks = chat.stream(request)) {
 *     chunks.forEach(chunk -> System.out.print(accumulator.add(chunk).text()));
 * }
 * messages.add(accumulator.toCompletion().message());
 * }</pre> Not thread-safe: feed it the chunks of one stream, in order.
 */
public final class ChatCompletionAccumulator {

	private @Nullable String id;

	private long created;

	private @Nullable String model;

	private @Nullable ServiceTier serviceTier;

	private @Nullable String systemFingerprint;

	private @Nullable Usage usage;

	private @Nullable Moderation moderation;

	private final Map<Integer, ChoiceAccumulator> choices = new TreeMap<>();

	/**
	 * Rebuilds the completion of a stream once it completes.
	 * @param chunks the chunks of one stream
	 * @return the completion; empty if the stream had no chunks
	 */
	public static Mono<ChatCompletion> accumulate(Flux<ChatCompletionChunk> chunks) {
		return chunks.collect(ChatCompletionAccumulator::new, ChatCompletionAccumulator::add)
			.filter(ChatCompletionAccumulator::hasChunks)
			.map(ChatCompletionAccumulator::toCompletion);
	}

	/**
	 * Adds the next chunk.
	 * @param chunk the chunk
	 * @return the same chunk, to print it in the same expression
	 */
	public ChatCompletionChunk add(ChatCompletionChunk chunk) {
		if (this.id == null) {
			this.id = chunk.id();
			this.created = chunk.created();
		}
		this.model = firstNonNull(chunk.model(), this.model);
		this.serviceTier = firstNonNull(chunk.serviceTier(), this.serviceTier);
		this.systemFingerprint = firstNonNull(chunk.systemFingerprint(), this.systemFingerprint);
		this.usage = firstNonNull(chunk.usage(), this.usage);
		this.moderation = firstNonNull(chunk.moderation(), this.moderation);
		for (ChunkChoice choice : chunk.choices()) {
			this.choices.computeIfAbsent(choice.index(), ChoiceAccumulator::new).add(choice);
		}
		return chunk;
	}

	/**
	 * Whether any chunk was added.
	 * @return {@code true} after the first {@link #add}
	 */
	public boolean hasChunks() {
		return this.id != null;
	}

	/**
	 * The completion as rebuilt from the chunks added so far.
	 * @return the completion
	 * @throws IllegalStateException if no chunk was added
	 */
	public ChatCompletion toCompletion() {
		if (this.id == null) {
			throw new IllegalStateException("No chunk was added; the stream was empty");
		}
		List<Choice> built = new ArrayList<>(this.choices.size());
		this.choices.values().forEach((choice) -> built.add(choice.toChoice()));
		return new ChatCompletion(this.id, "chat.completion", this.created, (this.model != null) ? this.model : "",
				built, this.usage, this.serviceTier, this.systemFingerprint, Map.of(), this.moderation, Map.of());
	}

	private static <T> @Nullable T firstNonNull(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

}
