package io.github.openaistarter.chat;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionDeleted;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;
import io.github.openaistarter.chat.model.Page;
import io.github.openaistarter.chat.model.StoredMessage;
import io.github.openaistarter.chat.structured.StreamedElements;
import io.github.openaistarter.chat.structured.StreamedValue;
import io.github.openaistarter.chat.structured.StructuredOutput;
import io.github.openaistarter.core.RequestOptions;
import io.github.openaistarter.tool.ChatTools;
import io.github.openaistarter.tool.ToolConversation;
import io.github.openaistarter.tool.ToolLoop;

/**
 * The OpenAI Chat Completions API for reactive code (WebFlux): every operation returns a
 * {@link Mono} or a {@link Flux} that sends its request when subscribed and cancels it
 * when disposed. <pre>{@code
 * Flux<String> answer(String question) {
 *     return chat.stream(ChatCompletionRequest.of(List.of(ChatMessage.user(question))))
 *         .map(ChatCompletionChunk::text);
 * }
 * }</pre> Arguments are checked when a method is called, before any I/O; bad ones throw
 * {@link IllegalArgumentException}. Failed calls signal an
 * {@link io.github.openaistarter.core.OpenAiException} subtype. For the blocking flavour
 * inject {@link ChatCompletionsOperations}.
 */
public interface ReactiveChatCompletionsOperations {

	/**
	 * Creates a completion ({@code POST /chat/completions}).
	 * @param request the request
	 * @return the completion
	 */
	Mono<ChatCompletion> create(ChatCompletionRequest request);

	/**
	 * Creates a completion of a conversation with the configured default model
	 * ({@code openai.chat.model}).
	 * @param messages the conversation, at least one message
	 * @return the completion
	 */
	default Mono<ChatCompletion> create(List<? extends ChatMessage> messages) {
		return create(ChatCompletionRequest.of(messages));
	}

	/**
	 * Creates a completion whose answer is a value of a Java type (structured outputs).
	 * @param <T> the answer's type
	 * @param request the request, without a {@code response_format}
	 * @param type the answer's type, a record or class
	 * @return the answer of the first choice; fails with a
	 * {@link io.github.openaistarter.chat.structured.StructuredAnswerException} when it
	 * was refused, cut off or does not fit the type
	 * @see ChatCompletionsOperations#create(ChatCompletionRequest, Class)
	 */
	default <T> Mono<T> create(ChatCompletionRequest request, Class<T> type) {
		return create(request, StructuredOutput.of(type));
	}

	/**
	 * Creates a completion of a conversation whose answer is a value of a Java type.
	 * @param <T> the answer's type
	 * @param messages the conversation, at least one message
	 * @param type the answer's type, a record or class
	 * @return the answer
	 */
	default <T> Mono<T> create(List<? extends ChatMessage> messages, Class<T> type) {
		return create(ChatCompletionRequest.of(messages), type);
	}

	/**
	 * Creates a completion whose answer is a value of a Java type given as a
	 * {@link StructuredOutput}, for generic types and lists.
	 * @param <T> the answer's type
	 * @param request the request, without a {@code response_format}
	 * @param output the answer's type
	 * @return the answer of the first choice
	 */
	default <T> Mono<T> create(ChatCompletionRequest request, StructuredOutput<T> output) {
		return withResponse().create(request, output).map((response) -> response.body().value());
	}

	/**
	 * Runs a conversation with tools: calls the model, runs the tools it asks for (the
	 * calls of one answer in parallel, never on an event-loop thread), sends their
	 * results back, and repeats until it answers without tool calls. Cancelling cancels
	 * the running tools (their threads are interrupted) and the HTTP exchange.
	 * <pre>{@code
	 * Mono<ToolConversation> answer = chat.createWithTools(ChatCompletionRequest.of(messages), tools);
	 * }</pre>
	 * @param request the request: its messages start the conversation; the tools are
	 * added to its own
	 * @param tools the tools and how they run
	 * @return the final answer and the conversation
	 * @see ChatCompletionsOperations#createWithTools(ChatCompletionRequest, ChatTools)
	 */
	default Mono<ToolConversation> createWithTools(ChatCompletionRequest request, ChatTools tools) {
		return new ToolLoop(tools).run(request, this::create);
	}

	/**
	 * Runs a conversation with tools, streamed: the chunks of every round are emitted as
	 * they arrive (the text, and the tool-call fragments of rounds that call tools);
	 * between rounds the tools run. Cancelling cancels the running tools and the HTTP
	 * exchange.
	 * @param request the request: its messages start the conversation; the tools are
	 * added to its own
	 * @param tools the tools and how they run
	 * @return the chunks of every round
	 * @see ChatCompletionsOperations#streamWithTools(ChatCompletionRequest, ChatTools)
	 */
	default Flux<ChatCompletionChunk> streamWithTools(ChatCompletionRequest request, ChatTools tools) {
		return new ToolLoop(tools).stream(request, this::stream);
	}

	/**
	 * Runs a conversation with tools and reads the final answer into a Java type
	 * (structured outputs).
	 * @param <T> the answer's type
	 * @param request the request, without a {@code response_format}
	 * @param tools the tools
	 * @param type the answer's type, a record or class
	 * @return the final answer
	 */
	default <T> Mono<T> createWithTools(ChatCompletionRequest request, ChatTools tools, Class<T> type) {
		StructuredOutput<T> output = StructuredOutput.of(type);
		return createWithTools(output.applyTo(request), tools)
			.map((conversation) -> output.read(conversation.completion()).value());
	}

	/**
	 * Streams an answer of a Java type as it grows: each element is the answer so far
	 * (the properties complete and the string in progress; the others {@code null}, zero
	 * or {@code false}), emitted when a chunk changed it, and the last element is the
	 * whole answer, read as strictly as {@link #create(ChatCompletionRequest, Class)}
	 * reads it. <pre>{@code
	 * Flux<Planet> planet = chat.streamPartial(ChatCompletionRequest.of(messages), Planet.class);
	 * }</pre> Fails like a whole answer would with a
	 * {@link io.github.openaistarter.chat.structured.StructuredAnswerException}.
	 * @param <T> the answer's type
	 * @param request the request, with one choice and without a {@code response_format}
	 * @param type the answer's type, a record or class
	 * @return the snapshots then the whole answer
	 * @see ChatCompletionsOperations#streamPartial(ChatCompletionRequest, Class)
	 */
	default <T> Flux<T> streamPartial(ChatCompletionRequest request, Class<T> type) {
		ChatCompletionRequest typed = StreamedValue.of(type).applyTo(request);
		return Flux.defer(() -> {
			StreamedValue<T> value = StreamedValue.of(type);
			return withResponse().stream(typed).<T>handle((chunk, sink) -> {
				T soFar = value.add(chunk);
				if (soFar != null) {
					sink.next(soFar);
				}
			}).concatWith(Mono.fromCallable(value::finish));
		});
	}

	/**
	 * Streams an answer that is a list of a Java type, emitting each element as soon as
	 * its JSON is complete. <pre>{@code
	 * Flux<Step> steps = chat.streamList(ChatCompletionRequest.of(messages), Step.class);
	 * }</pre> Fails after the complete elements with a
	 * {@link io.github.openaistarter.chat.structured.StructuredAnswerException} when the
	 * answer was refused, cut off or does not fit the type.
	 * @param <E> the element type
	 * @param request the request, with one choice and without a {@code response_format}
	 * @param elementType the element type, a record or class
	 * @return the elements
	 * @see ChatCompletionsOperations#streamList(ChatCompletionRequest, Class)
	 */
	default <E> Flux<E> streamList(ChatCompletionRequest request, Class<E> elementType) {
		ChatCompletionRequest typed = StreamedElements.of(elementType).applyTo(request);
		return Flux.defer(() -> {
			StreamedElements<E> elements = StreamedElements.of(elementType);
			return withResponse().stream(typed)
				.concatMapIterable((chunk) -> elements.add(chunk))
				.concatWith(Mono.fromRunnable(elements::finish));
		});
	}

	/**
	 * Streams a completion ({@code POST /chat/completions} with {@code stream: true}):
	 * each chunk is emitted as it arrives. Unless the request sets
	 * {@code stream_options}, the last chunk carries the token usage. Fails with
	 * {@link io.github.openaistarter.core.OpenAiStreamException} on an {@code error}
	 * event or when the stream ends before {@code [DONE]}. Rebuild the whole completion
	 * with {@link io.github.openaistarter.chat.stream.ChatCompletionAccumulator}.
	 * @param request the request
	 * @return the chunks
	 */
	Flux<ChatCompletionChunk> stream(ChatCompletionRequest request);

	/**
	 * Retrieves a stored completion ({@code GET /chat/completions/{id}}); only
	 * completions created with {@code store: true} can be retrieved.
	 * @param completionId the completion id
	 * @return the completion
	 */
	Mono<ChatCompletion> retrieve(String completionId);

	/**
	 * Replaces the metadata of a stored completion ({@code POST /chat/completions/{id}}).
	 * @param completionId the completion id
	 * @param metadata the new metadata: at most 16 pairs, keys up to 64 characters,
	 * values up to 512
	 * @return the updated completion
	 */
	Mono<ChatCompletion> update(String completionId, Map<String, String> metadata);

	/**
	 * Deletes a stored completion ({@code DELETE /chat/completions/{id}}).
	 * @param completionId the completion id
	 * @return the deletion result
	 */
	Mono<ChatCompletionDeleted> delete(String completionId);

	/**
	 * Lists one page of stored completions ({@code GET /chat/completions}).
	 * @param params filters and paging
	 * @return the page
	 */
	Mono<Page<ChatCompletion>> list(ListChatCompletionsParams params);

	/**
	 * Lists the first page of stored completions, in OpenAI's default size and order.
	 * @return the page
	 */
	default Mono<Page<ChatCompletion>> list() {
		return list(ListChatCompletionsParams.NONE);
	}

	/**
	 * Lists every stored completion matching the filters, walking the pages on demand:
	 * the next page is requested only when the items of the previous one have been
	 * consumed, and none after the last page.
	 * @param params filters, page size and order; {@code after} sets where the walk
	 * starts
	 * @return the completions
	 */
	Flux<ChatCompletion> listAll(ListChatCompletionsParams params);

	/**
	 * Lists one page of the messages of a stored completion ({@code GET
	 * /chat/completions/{id}/messages}).
	 * @param completionId the completion id
	 * @param params paging
	 * @return the page
	 */
	Mono<Page<StoredMessage>> listMessages(String completionId, ListMessagesParams params);

	/**
	 * Lists the first page of the messages of a stored completion.
	 * @param completionId the completion id
	 * @return the page
	 */
	default Mono<Page<StoredMessage>> listMessages(String completionId) {
		return listMessages(completionId, ListMessagesParams.NONE);
	}

	/**
	 * Lists every message of a stored completion, walking the pages on demand.
	 * @param completionId the completion id
	 * @param params page size and order; {@code after} sets where the walk starts
	 * @return the messages
	 */
	Flux<StoredMessage> listAllMessages(String completionId, ListMessagesParams params);

	/**
	 * The same operations, returning each body with its response metadata (headers,
	 * request id, rate limits).
	 * @return the operations with metadata
	 */
	ReactiveChatCompletionsResponseOperations withResponse();

	/**
	 * The same operations with some settings overridden for the calls made through the
	 * returned object: a timeout, a retry budget ({@code maxRetries(0)} turns retries
	 * off), extra headers. <pre>{@code
	 * chat.withOptions(RequestOptions.builder().timeout(Duration.ofSeconds(20)).maxRetries(0).build())
	 *     .create(request);
	 * }</pre>
	 * @param options the overrides, added to any this object already has
	 * @return the operations with these options
	 */
	ReactiveChatCompletionsOperations withOptions(RequestOptions options);

}
