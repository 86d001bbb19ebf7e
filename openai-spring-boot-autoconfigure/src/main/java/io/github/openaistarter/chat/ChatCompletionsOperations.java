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
import io.github.openaistarter.core.RequestOptions;

/**
 * The OpenAI Chat Completions API for blocking code (Spring MVC, virtual threads, batch jobs). Inject it and
 * hold a conversation:
 * <pre>{@code
 * List<ChatMessage> messages = new ArrayList<>(List.of(
 *     ChatMessage.system("You are a terse assistant."),
 *     ChatMessage.user("Name a planet.")));
 * ChatCompletion completion = chat.create(messages);
 * System.out.println(completion.text());
 * messages.add(completion.message());
 * messages.add(ChatMessage.user("And its largest moon?"));
 * System.out.println(chat.create(messages).text());
 * }</pre>
 * Arguments are checked before any I/O; bad ones throw {@link IllegalArgumentException}. Failed calls throw
 * an {@link io.github.openaistarter.core.OpenAiException} subtype. Every method blocks the calling thread, so
 * calling one on a Reactor non-blocking thread (inside a WebFlux pipeline) fails at once with
 * {@link IllegalStateException}: inject {@link ReactiveChatCompletionsOperations} there. Interrupting the
 * calling thread cancels the HTTP exchange.
 */
public interface ChatCompletionsOperations {

	/**
	 * Creates a completion ({@code POST /chat/completions}).
	 * @param request the request
	 * @return the completion
	 */
	ChatCompletion create(ChatCompletionRequest request);

	/**
	 * Creates a completion of a conversation with the configured default model ({@code openai.chat.model}).
	 * @param messages the conversation, at least one message
	 * @return the completion
	 */
	default ChatCompletion create(List<? extends ChatMessage> messages) {
		return create(ChatCompletionRequest.of(messages));
	}

	/**
	 * Streams a completion: chunks arrive in the returned stream as the server sends them. Close the stream
	 * (try-with-resources) to release the connection if you stop early. Unless the request sets
	 * {@code stream_options}, the last chunk carries the token usage. An {@code error} event or a stream that
	 * ends before {@code [DONE]} throws {@link io.github.openaistarter.core.OpenAiStreamException} from the
	 * stream's terminal operation.
	 * <pre>{@code
	 * try (Stream<ChatCompletionChunk> chunks = chat.stream(request)) {
	 *     chunks.forEach(chunk -> System.out.print(chunk.text()));
	 * }
	 * }</pre>
	 * @param request the request
	 * @return the chunks, to be closed
	 */
	Stream<ChatCompletionChunk> stream(ChatCompletionRequest request);

	/**
	 * Streams a completion, handing each chunk to a callback as it arrives (like AIKit's {@code onData}), and
	 * returns the whole completion rebuilt from the chunks once the stream ends:
	 * <pre>{@code
	 * ChatCompletion completion = chat.stream(request, chunk -> System.out.print(chunk.text()));
	 * messages.add(completion.message());
	 * }</pre>
	 * If the callback throws, the stream is cancelled and the exception propagates.
	 * @param request the request
	 * @param onChunk called with each chunk, on the calling thread
	 * @return the completion rebuilt from the chunks
	 */
	ChatCompletion stream(ChatCompletionRequest request, Consumer<? super ChatCompletionChunk> onChunk);

	/**
	 * Retrieves a stored completion ({@code GET /chat/completions/{id}}); only completions created with
	 * {@code store: true} can be retrieved.
	 * @param completionId the completion id
	 * @return the completion
	 */
	ChatCompletion retrieve(String completionId);

	/**
	 * Replaces the metadata of a stored completion ({@code POST /chat/completions/{id}}).
	 * @param completionId the completion id
	 * @param metadata the new metadata: at most 16 pairs, keys up to 64 characters, values up to 512
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
	 * Lists every stored completion matching the filters as a lazy stream: a page is fetched only when the
	 * stream reaches it, and none after the last page.
	 * @param params filters, page size and order; {@code after} sets where the walk starts
	 * @return the completions
	 */
	Stream<ChatCompletion> listAll(ListChatCompletionsParams params);

	/**
	 * Lists one page of the messages of a stored completion ({@code GET /chat/completions/{id}/messages}).
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
	 * The same operations, returning each body with its response metadata (headers, request id, rate limits).
	 * @return the operations with metadata
	 */
	ChatCompletionsResponseOperations withResponse();

	/**
	 * The same operations with some settings overridden for the calls made through the returned object: a
	 * timeout, a retry budget ({@code maxRetries(0)} turns retries off), extra headers.
	 * <pre>{@code
	 * chat.withOptions(RequestOptions.builder().timeout(Duration.ofSeconds(20)).maxRetries(0).build())
	 *     .create(request);
	 * }</pre>
	 * @param options the overrides, added to any this object already has
	 * @return the operations with these options
	 */
	ChatCompletionsOperations withOptions(RequestOptions options);

}
