package io.github.openaistarter.chat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
import io.github.openaistarter.core.OpenAiResponse;
import io.github.openaistarter.core.RequestOptions;
import io.github.openaistarter.tool.ChatTools;
import io.github.openaistarter.tool.ToolConversation;
import io.github.openaistarter.tool.ToolLoop;

import org.springframework.util.Assert;

/**
 * The OpenAI Chat Completions API for blocking code (Spring MVC, virtual threads, batch
 * jobs). Inject it and hold a conversation: <pre>{@code
 * List<ChatMessage> messages = new ArrayList<>(List.of(
 *     ChatMessage.system("You are a terse assistant."),
 *     ChatMessage.user("Name a planet.")));
 * ChatCompletion completion = chat.create(messages);
 * System.out.println(completion.text());
 * messages.add(completion.message());
 * messages.add(ChatMessage.user("And its largest moon?"));
 * System.out.println(chat.create(messages).text());
 * }</pre> Arguments are checked before any I/O; bad ones throw
 * {@link IllegalArgumentException}. Failed calls throw an
 * {@link io.github.openaistarter.core.OpenAiException} subtype. Every method blocks the
 * calling thread, so calling one on a Reactor non-blocking thread (inside a WebFlux
 * pipeline) fails at once with {@link IllegalStateException}: inject
 * {@link ReactiveChatCompletionsOperations} there. Interrupting the calling thread
 * cancels the HTTP exchange.
 */
public interface ChatCompletionsOperations {

	/**
	 * Creates a completion ({@code POST /chat/completions}).
	 * @param request the request
	 * @return the completion
	 */
	ChatCompletion create(ChatCompletionRequest request);

	/**
	 * Creates a completion of a conversation with the configured default model
	 * ({@code openai.chat.model}).
	 * @param messages the conversation, at least one message
	 * @return the completion
	 */
	default ChatCompletion create(List<? extends ChatMessage> messages) {
		return create(ChatCompletionRequest.of(messages));
	}

	/**
	 * Creates a completion whose answer is a value of a Java type (structured outputs):
	 * the request gets the type's strict JSON schema as its {@code response_format}, and
	 * the answer is read into the type. <pre>{@code
	 * record Planet(String name, double radiusKm, List<String> moons) {}
	 *
	 * Planet mars = chat.create(ChatCompletionRequest.of(List.of(ChatMessage.user("Describe Mars"))), Planet.class);
	 * }</pre> The type's schema is generated and checked against OpenAI's strict rules
	 * once per type; a type that breaks them fails here with an
	 * {@link IllegalArgumentException} naming the property and the rule, before any I/O.
	 * @param <T> the answer's type
	 * @param request the request, without a {@code response_format}
	 * @param type the answer's type, a record or class
	 * @return the answer of the first choice ({@link #withResponse()} gives every choice
	 * and the completion)
	 * @throws io.github.openaistarter.chat.structured.RefusedAnswerException if the model
	 * refused
	 * @throws io.github.openaistarter.chat.structured.IncompleteAnswerException if the
	 * answer was cut off
	 * @throws io.github.openaistarter.chat.structured.MalformedAnswerException if the
	 * answer does not fit the type
	 */
	default <T> T create(ChatCompletionRequest request, Class<T> type) {
		return create(request, StructuredOutput.of(type));
	}

	/**
	 * Creates a completion of a conversation whose answer is a value of a Java type.
	 * @param <T> the answer's type
	 * @param messages the conversation, at least one message
	 * @param type the answer's type, a record or class
	 * @return the answer
	 * @see #create(ChatCompletionRequest, Class)
	 */
	default <T> T create(List<? extends ChatMessage> messages, Class<T> type) {
		return create(ChatCompletionRequest.of(messages), type);
	}

	/**
	 * Creates a completion whose answer is a value of a Java type given as a
	 * {@link StructuredOutput}, for generic types and lists
	 * ({@code StructuredOutput.listOf(Step.class)}).
	 * @param <T> the answer's type
	 * @param request the request, without a {@code response_format}
	 * @param output the answer's type
	 * @return the answer of the first choice
	 * @see #create(ChatCompletionRequest, Class)
	 */
	default <T> T create(ChatCompletionRequest request, StructuredOutput<T> output) {
		return withResponse().create(request, output).body().value();
	}

	/**
	 * Runs a conversation with tools: calls the model, runs the tools it asks for (the
	 * calls of one answer in parallel), sends their results back, and repeats until it
	 * answers without tool calls. <pre>{@code
	 * ToolConversation answer = chat.createWithTools(ChatCompletionRequest.of(messages), tools);
	 * answer.text();        // the final answer
	 * answer.messages();    // the whole conversation, to continue it
	 * }</pre> Bounded by {@link ChatTools#maxRounds()}
	 * ({@link io.github.openaistarter.tool.ToolRoundsExceededException}, with the
	 * conversation so far) and {@link ChatTools#toolTimeout()}; a failed tool call is
	 * reported to the model unless the tools say to abort
	 * ({@link io.github.openaistarter.tool.ToolCallFailedException}).
	 * @param request the request: its messages start the conversation; the tools are
	 * added to its own
	 * @param tools the tools and how they run (inject the auto-configured
	 * {@link ChatTools} bean, or build one)
	 * @return the final answer and the conversation
	 * @see ToolLoop
	 */
	default ToolConversation createWithTools(ChatCompletionRequest request, ChatTools tools) {
		ToolConversation conversation = new ToolLoop(tools).run(request, ToolLoop.blocking(this::create)).block();
		Assert.state(conversation != null, "The tool loop ended without an answer");
		return conversation;
	}

	/**
	 * Runs a conversation with tools, streamed: the chunks of every round arrive as the
	 * server sends them (the text, and the tool-call fragments of rounds that call
	 * tools); between rounds the tools run. Close the stream (try-with-resources) to stop
	 * early: that cancels the running tools and releases the connection. <pre>{@code
	 * try (Stream<ChatCompletionChunk> chunks = chat.streamWithTools(request, tools)) {
	 *     chunks.forEach(chunk -> System.out.print(chunk.text()));
	 * }
	 * }</pre> The stream fails from its terminal operation like
	 * {@link #createWithTools(ChatCompletionRequest, ChatTools)}.
	 * @param request the request: its messages start the conversation; the tools are
	 * added to its own
	 * @param tools the tools and how they run
	 * @return the chunks of every round, to be closed
	 */
	default Stream<ChatCompletionChunk> streamWithTools(ChatCompletionRequest request, ChatTools tools) {
		return new ToolLoop(tools).stream(request, ToolLoop.blockingStream(this::stream)).toStream();
	}

	/**
	 * Runs a conversation with tools and reads the final answer into a Java type
	 * (structured outputs).
	 * @param <T> the answer's type
	 * @param request the request, without a {@code response_format}
	 * @param tools the tools
	 * @param type the answer's type, a record or class
	 * @return the final answer
	 * @see #createWithTools(ChatCompletionRequest, ChatTools)
	 * @see #create(ChatCompletionRequest, Class)
	 */
	default <T> T createWithTools(ChatCompletionRequest request, ChatTools tools, Class<T> type) {
		StructuredOutput<T> output = StructuredOutput.of(type);
		return output.read(createWithTools(output.applyTo(request), tools).completion()).value();
	}

	/**
	 * Streams an answer of a Java type as it grows: each element is the answer so far
	 * (the properties complete and the string in progress; the others {@code null}, zero
	 * or {@code false}), emitted when a chunk changed it, and the last element is the
	 * whole answer, read as strictly as {@link #create(ChatCompletionRequest, Class)}
	 * reads it. Close the stream (try-with-resources) to release the connection if you
	 * stop early. <pre>{@code
	 * try (Stream<Planet> planet = chat.streamPartial(ChatCompletionRequest.of(messages), Planet.class)) {
	 *     planet.forEach(soFar -> view.show(soFar));
	 * }
	 * }</pre> Each snapshot parses the answer so far (see {@link StreamedValue}); to show
	 * a long list as it comes, prefer {@link #streamList(ChatCompletionRequest, Class)}.
	 * The stream fails like a whole answer would, from its terminal operation:
	 * {@link io.github.openaistarter.chat.structured.RefusedAnswerException},
	 * {@link io.github.openaistarter.chat.structured.IncompleteAnswerException} or
	 * {@link io.github.openaistarter.chat.structured.MalformedAnswerException}.
	 * @param <T> the answer's type
	 * @param request the request, with one choice and without a {@code response_format}
	 * @param type the answer's type, a record or class
	 * @return the snapshots then the whole answer, to be closed
	 */
	default <T> Stream<T> streamPartial(ChatCompletionRequest request, Class<T> type) {
		StreamedValue<T> value = StreamedValue.of(type);
		Stream<OpenAiResponse<ChatCompletionChunk>> chunks = withResponse().stream(value.applyTo(request));
		Stream<T> whole = Stream.of(value).map(StreamedValue::finish);
		return Stream.concat(chunks.flatMap((chunk) -> Stream.ofNullable(value.add(chunk))), whole);
	}

	/**
	 * Streams an answer that is a list of a Java type, handing out each element as soon
	 * as its JSON is complete, long before the answer ends. Close the stream
	 * (try-with-resources) to release the connection if you stop early. <pre>{@code
	 * record Step(String title, int minutes) {}
	 *
	 * try (Stream<Step> steps = chat.streamList(ChatCompletionRequest.of(messages), Step.class)) {
	 *     steps.forEach(step -> System.out.println(step.title()));
	 * }
	 * }</pre> The stream fails like a whole answer would, from its terminal operation,
	 * after the elements that were complete:
	 * {@link io.github.openaistarter.chat.structured.RefusedAnswerException},
	 * {@link io.github.openaistarter.chat.structured.IncompleteAnswerException} or
	 * {@link io.github.openaistarter.chat.structured.MalformedAnswerException}.
	 * @param <E> the element type
	 * @param request the request, with one choice and without a {@code response_format}
	 * @param elementType the element type, a record or class
	 * @return the elements, to be closed
	 */
	default <E> Stream<E> streamList(ChatCompletionRequest request, Class<E> elementType) {
		StreamedElements<E> elements = StreamedElements.of(elementType);
		Stream<OpenAiResponse<ChatCompletionChunk>> chunks = withResponse().stream(elements.applyTo(request));
		Stream<E> end = Stream.of(elements).flatMap((reader) -> {
			reader.finish();
			return Stream.empty();
		});
		return Stream.concat(chunks.flatMap((chunk) -> elements.add(chunk).stream()), end);
	}

	/**
	 * Streams a completion: chunks arrive in the returned stream as the server sends
	 * them. Close the stream (try-with-resources) to release the connection if you stop
	 * early. Unless the request sets {@code stream_options}, the last chunk carries the
	 * token usage. An {@code error} event or a stream that ends before {@code [DONE]}
	 * throws {@link io.github.openaistarter.core.OpenAiStreamException} from the stream's
	 * terminal operation. <pre>{@code
	 * try (Stream<ChatCompletionChunk> chunks = chat.stream(request)) {
	 *     chunks.forEach(chunk -> System.out.print(chunk.text()));
	 * }
	 * }</pre>
	 * @param request the request
	 * @return the chunks, to be closed
	 */
	Stream<ChatCompletionChunk> stream(ChatCompletionRequest request);

	/**
	 * Streams a completion, handing each chunk to a callback as it arrives (like AIKit's
	 * {@code onData}), and returns the whole completion rebuilt from the chunks once the
	 * stream ends: <pre>{@code
	 * ChatCompletion completion = chat.stream(request, chunk -> System.out.print(chunk.text()));
	 * messages.add(completion.message());
	 * }</pre> If the callback throws, the stream is cancelled and the exception
	 * propagates.
	 * @param request the request
	 * @param onChunk called with each chunk, on the calling thread
	 * @return the completion rebuilt from the chunks
	 */
	ChatCompletion stream(ChatCompletionRequest request, Consumer<? super ChatCompletionChunk> onChunk);

	/**
	 * Retrieves a stored completion ({@code GET /chat/completions/{id}}); only
	 * completions created with {@code store: true} can be retrieved.
	 * @param completionId the completion id
	 * @return the completion
	 */
	ChatCompletion retrieve(String completionId);

	/**
	 * Replaces the metadata of a stored completion ({@code POST /chat/completions/{id}}).
	 * @param completionId the completion id
	 * @param metadata the new metadata: at most 16 pairs, keys up to 64 characters,
	 * values up to 512
	 * @return the updated completion
	 */
	ChatCompletion update(String completionId, Map<String, String> metadata);

	/**
	 * Deletes a stored completion ({@code DELETE /chat/completions/{id}}).
	 * @param completionId the completion id
	 * @return the deletion result
	 */
	ChatCompletionDeleted delete(String completionId);

	/**
	 * Lists one page of stored completions ({@code GET /chat/completions}).
	 * @param params filters and paging
	 * @return the page
	 */
	Page<ChatCompletion> list(ListChatCompletionsParams params);

	/**
	 * Lists the first page of stored completions, in OpenAI's default size and order.
	 * @return the page
	 */
	default Page<ChatCompletion> list() {
		return list(ListChatCompletionsParams.NONE);
	}

	/**
	 * Lists every stored completion matching the filters as a lazy stream: a page is
	 * fetched only when the stream reaches it, and none after the last page.
	 * @param params filters, page size and order; {@code after} sets where the walk
	 * starts
	 * @return the completions
	 */
	Stream<ChatCompletion> listAll(ListChatCompletionsParams params);

	/**
	 * Lists one page of the messages of a stored completion ({@code GET
	 * /chat/completions/{id}/messages}).
	 * @param completionId the completion id
	 * @param params paging
	 * @return the page
	 */
	Page<StoredMessage> listMessages(String completionId, ListMessagesParams params);

	/**
	 * Lists the first page of the messages of a stored completion.
	 * @param completionId the completion id
	 * @return the page
	 */
	default Page<StoredMessage> listMessages(String completionId) {
		return listMessages(completionId, ListMessagesParams.NONE);
	}

	/**
	 * Lists every message of a stored completion as a lazy stream.
	 * @param completionId the completion id
	 * @param params page size and order; {@code after} sets where the walk starts
	 * @return the messages
	 */
	Stream<StoredMessage> listAllMessages(String completionId, ListMessagesParams params);

	/**
	 * The same operations, returning each body with its response metadata (headers,
	 * request id, rate limits).
	 * @return the operations with metadata
	 */
	ChatCompletionsResponseOperations withResponse();

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
	ChatCompletionsOperations withOptions(RequestOptions options);

}
