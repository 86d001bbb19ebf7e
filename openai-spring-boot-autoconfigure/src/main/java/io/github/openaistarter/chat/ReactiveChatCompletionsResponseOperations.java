package io.github.openaistarter.chat;

import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionDeleted;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;
import io.github.openaistarter.chat.model.Page;
import io.github.openaistarter.chat.model.StoredMessage;
import io.github.openaistarter.core.RequestOptions;
import io.github.openaistarter.chat.structured.StructuredCompletion;
import io.github.openaistarter.chat.structured.StructuredOutput;
import io.github.openaistarter.core.OpenAiResponse;

/**
 * The operations of {@link ReactiveChatCompletionsOperations}, each returning the body
 * together with the {@link io.github.openaistarter.core.ResponseMetadata} of its HTTP
 * response: <pre>{@code
 * chat.withResponse().create(request)
 *     .doOnNext(response -> log.info("request {} left {} tokens", response.requestId(),
 *         response.rateLimit().remainingTokens()));
 * }</pre> Obtain it with {@link ReactiveChatCompletionsOperations#withResponse()}.
 */
public interface ReactiveChatCompletionsResponseOperations {

	/**
	 * Creates a completion.
	 * @param request the request
	 * @return the completion with its metadata
	 * @see ReactiveChatCompletionsOperations#create(ChatCompletionRequest)
	 */
	Mono<OpenAiResponse<ChatCompletion>> create(ChatCompletionRequest request);

	/**
	 * Streams a completion; every chunk carries the metadata of the one streaming
	 * response.
	 * @param request the request
	 * @return the chunks with the metadata
	 * @see ReactiveChatCompletionsOperations#stream(ChatCompletionRequest)
	 */
	Flux<OpenAiResponse<ChatCompletionChunk>> stream(ChatCompletionRequest request);

	/**
	 * Creates a completion whose answer is a value of a Java type (structured outputs),
	 * reading every choice.
	 * @param <T> the answer's type
	 * @param request the request, without a {@code response_format}
	 * @param type the answer's type, a record or class
	 * @return the completion with one value per choice, and its metadata; fails with a
	 * {@link io.github.openaistarter.chat.structured.StructuredAnswerException} when an
	 * answer was refused, cut off or does not fit the type
	 * @see ChatCompletionsOperations#create(ChatCompletionRequest, Class)
	 */
	default <T> Mono<OpenAiResponse<StructuredCompletion<T>>> create(ChatCompletionRequest request, Class<T> type) {
		return create(request, StructuredOutput.of(type));
	}

	/**
	 * Creates a completion whose answer is a value of a Java type, given as a
	 * {@link StructuredOutput} (for generic types or lists).
	 * @param <T> the answer's type
	 * @param request the request, without a {@code response_format}
	 * @param output the answer's type
	 * @return the completion with one value per choice, and its metadata
	 */
	default <T> Mono<OpenAiResponse<StructuredCompletion<T>>> create(ChatCompletionRequest request,
			StructuredOutput<T> output) {
		ChatCompletionRequest typed = output.applyTo(request);
		return create(typed).map((response) -> output.read(response));
	}

	/**
	 * Retrieves a stored completion.
	 * @param completionId the completion id
	 * @return the completion with its metadata
	 */
	Mono<OpenAiResponse<ChatCompletion>> retrieve(String completionId);

	/**
	 * Replaces the metadata of a stored completion.
	 * @param completionId the completion id
	 * @param metadata the new metadata
	 * @return the updated completion with its metadata
	 */
	Mono<OpenAiResponse<ChatCompletion>> update(String completionId, Map<String, String> metadata);

	/**
	 * Deletes a stored completion.
	 * @param completionId the completion id
	 * @return the deletion result with its metadata
	 */
	Mono<OpenAiResponse<ChatCompletionDeleted>> delete(String completionId);

	/**
	 * Lists one page of stored completions.
	 * @param params filters and paging
	 * @return the page with its metadata
	 */
	Mono<OpenAiResponse<Page<ChatCompletion>>> list(ListChatCompletionsParams params);

	/**
	 * Lists one page of the messages of a stored completion.
	 * @param completionId the completion id
	 * @param params paging
	 * @return the page with its metadata
	 */
	Mono<OpenAiResponse<Page<StoredMessage>>> listMessages(String completionId, ListMessagesParams params);

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
	ReactiveChatCompletionsResponseOperations withOptions(RequestOptions options);

}
