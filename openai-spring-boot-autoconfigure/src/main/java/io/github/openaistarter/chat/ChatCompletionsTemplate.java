package io.github.openaistarter.chat;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionDeleted;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;
import io.github.openaistarter.chat.model.Page;
import io.github.openaistarter.chat.model.StoredMessage;
import io.github.openaistarter.chat.stream.ChatCompletionAccumulator;
import io.github.openaistarter.core.OpenAiCallObserver;
import io.github.openaistarter.core.OpenAiCallObserver.CallObservation;
import io.github.openaistarter.core.OpenAiResponse;
import io.github.openaistarter.core.RequestOptions;

import org.springframework.util.Assert;

/**
 * The default {@link ChatCompletionsOperations}: the reactive client, blocked on. Refuses
 * to block a Reactor non-blocking thread, where blocking would stall the event loop or
 * deadlock.
 */
public final class ChatCompletionsTemplate implements ChatCompletionsOperations {

	private final ReactiveChatCompletionsResponseOperations client;

	private final OpenAiCallObserver observer;

	private final ChatCompletionsResponseOperations withResponse = new WithResponse();

	/**
	 * Creates the operations.
	 * @param client the client that sends the calls
	 */
	public ChatCompletionsTemplate(ReactiveChatCompletionsResponseOperations client) {
		this(client, OpenAiCallObserver.NONE);
	}

	/**
	 * Creates the operations, observing the page walks (each page call is observed by the
	 * transport).
	 * @param client the client that sends the calls
	 * @param observer the observer of the page walks
	 */
	public ChatCompletionsTemplate(ReactiveChatCompletionsResponseOperations client, OpenAiCallObserver observer) {
		Assert.notNull(client, "client must not be null");
		Assert.notNull(observer, "observer must not be null");
		this.client = client;
		this.observer = observer;
	}

	@Override
	public ChatCompletion create(ChatCompletionRequest request) {
		return this.withResponse.create(request).body();
	}

	@Override
	public Stream<ChatCompletionChunk> stream(ChatCompletionRequest request) {
		return this.withResponse.stream(request).map(OpenAiResponse::body);
	}

	@Override
	public ChatCompletion stream(ChatCompletionRequest request, Consumer<? super ChatCompletionChunk> onChunk) {
		return this.withResponse.stream(request, onChunk).body();
	}

	@Override
	public ChatCompletion retrieve(String completionId) {
		return this.withResponse.retrieve(completionId).body();
	}

	@Override
	public ChatCompletion update(String completionId, Map<String, String> metadata) {
		return this.withResponse.update(completionId, metadata).body();
	}

	@Override
	public ChatCompletionDeleted delete(String completionId) {
		return this.withResponse.delete(completionId).body();
	}

	@Override
	public Page<ChatCompletion> list(ListChatCompletionsParams params) {
		return this.withResponse.list(params).body();
	}

	@Override
	public Stream<ChatCompletion> listAll(ListChatCompletionsParams params) {
		Assert.notNull(params, "params must not be null");
		CallObservation walk = this.observer.start(ChatOperationNames.LIST_ALL, null);
		return Pages.walkBlocking(
				(after) -> block(this.client.list(params.withAfter(after)).contextWrite(walk::contribute)).body(),
				params.after(), walk);
	}

	@Override
	public Page<StoredMessage> listMessages(String completionId, ListMessagesParams params) {
		return this.withResponse.listMessages(completionId, params).body();
	}

	@Override
	public Stream<StoredMessage> listAllMessages(String completionId, ListMessagesParams params) {
		ChatCompletionsClient.checkId(completionId);
		Assert.notNull(params, "params must not be null");
		CallObservation walk = this.observer.start(ChatOperationNames.LIST_ALL_MESSAGES, null);
		return Pages.walkBlocking((after) -> block(
				this.client.listMessages(completionId, params.withAfter(after)).contextWrite(walk::contribute))
			.body(), params.after(), walk);
	}

	@Override
	public ChatCompletionsResponseOperations withResponse() {
		return this.withResponse;
	}

	@Override
	public ChatCompletionsOperations withOptions(RequestOptions options) {
		return new ChatCompletionsTemplate(this.client.withOptions(options), this.observer);
	}

	private static <T> T block(Mono<T> mono) {
		checkBlockingAllowed();
		try {
			return Objects.requireNonNull(mono.block(), "OpenAI call completed without a response");
		}
		catch (RuntimeException ex) {
			throw BlockingStreams.interrupted(ex);
		}
	}

	private static <T> Stream<T> blockingStream(Flux<T> flux) {
		checkBlockingAllowed();
		return BlockingStreams.toStream(flux);
	}

	private static void checkBlockingAllowed() {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("ChatCompletionsOperations blocks, which is not allowed on the non-blocking"
					+ " thread '" + Thread.currentThread().getName()
					+ "'; use ReactiveChatCompletionsOperations in reactive code");
		}
	}

	/**
	 * The blocking operations with response metadata.
	 */
	private final class WithResponse implements ChatCompletionsResponseOperations {

		@Override
		public OpenAiResponse<ChatCompletion> create(ChatCompletionRequest request) {
			return block(ChatCompletionsTemplate.this.client.create(request));
		}

		@Override
		public Stream<OpenAiResponse<ChatCompletionChunk>> stream(ChatCompletionRequest request) {
			return blockingStream(ChatCompletionsTemplate.this.client.stream(request));
		}

		@Override
		public OpenAiResponse<ChatCompletion> stream(ChatCompletionRequest request,
				Consumer<? super ChatCompletionChunk> onChunk) {
			Assert.notNull(onChunk, "onChunk must not be null");
			ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();
			OpenAiResponse<ChatCompletionChunk> last = null;
			try (Stream<OpenAiResponse<ChatCompletionChunk>> chunks = stream(request)) {
				for (OpenAiResponse<ChatCompletionChunk> chunk : (Iterable<OpenAiResponse<ChatCompletionChunk>>) chunks::iterator) {
					onChunk.accept(accumulator.add(chunk.body()));
					last = chunk;
				}
			}
			if (last == null) {
				throw new IllegalStateException("The stream ended without any chunk");
			}
			return new OpenAiResponse<>(accumulator.toCompletion(), last.metadata());
		}

		@Override
		public OpenAiResponse<ChatCompletion> retrieve(String completionId) {
			return block(ChatCompletionsTemplate.this.client.retrieve(completionId));
		}

		@Override
		public OpenAiResponse<ChatCompletion> update(String completionId, Map<String, String> metadata) {
			return block(ChatCompletionsTemplate.this.client.update(completionId, metadata));
		}

		@Override
		public OpenAiResponse<ChatCompletionDeleted> delete(String completionId) {
			return block(ChatCompletionsTemplate.this.client.delete(completionId));
		}

		@Override
		public OpenAiResponse<Page<ChatCompletion>> list(ListChatCompletionsParams params) {
			return block(ChatCompletionsTemplate.this.client.list(params));
		}

		@Override
		public OpenAiResponse<Page<StoredMessage>> listMessages(String completionId, ListMessagesParams params) {
			return block(ChatCompletionsTemplate.this.client.listMessages(completionId, params));
		}

		@Override
		public ChatCompletionsResponseOperations withOptions(RequestOptions options) {
			return new ChatCompletionsTemplate(ChatCompletionsTemplate.this.client.withOptions(options),
					ChatCompletionsTemplate.this.observer)
				.withResponse();
		}

	}

}
