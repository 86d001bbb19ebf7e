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
import io.github.openaistarter.core.Observed;
import io.github.openaistarter.core.OpenAiCallObserver;
import io.github.openaistarter.core.OpenAiResponse;
import io.github.openaistarter.core.RequestOptions;

import org.springframework.util.Assert;

/**
 * The default {@link ReactiveChatCompletionsOperations}: the bodies of a
 * {@link ChatCompletionsClient}'s responses, and the page walks.
 */
public final class ReactiveChatCompletionsTemplate implements ReactiveChatCompletionsOperations {

	private final ReactiveChatCompletionsResponseOperations client;

	private final OpenAiCallObserver observer;

	/**
	 * Creates the operations.
	 * @param client the client that sends the calls
	 */
	public ReactiveChatCompletionsTemplate(ReactiveChatCompletionsResponseOperations client) {
		this(client, OpenAiCallObserver.NONE);
	}

	/**
	 * Creates the operations, observing the page walks (each page call is observed by the
	 * transport).
	 * @param client the client that sends the calls
	 * @param observer the observer of the page walks
	 */
	public ReactiveChatCompletionsTemplate(ReactiveChatCompletionsResponseOperations client,
			OpenAiCallObserver observer) {
		Assert.notNull(client, "client must not be null");
		Assert.notNull(observer, "observer must not be null");
		this.client = client;
		this.observer = observer;
	}

	@Override
	public Mono<ChatCompletion> create(ChatCompletionRequest request) {
		return this.client.create(request).map(OpenAiResponse::body);
	}

	@Override
	public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request) {
		return this.client.stream(request).map(OpenAiResponse::body);
	}

	@Override
	public Mono<ChatCompletion> retrieve(String completionId) {
		return this.client.retrieve(completionId).map(OpenAiResponse::body);
	}

	@Override
	public Mono<ChatCompletion> update(String completionId, Map<String, String> metadata) {
		return this.client.update(completionId, metadata).map(OpenAiResponse::body);
	}

	@Override
	public Mono<ChatCompletionDeleted> delete(String completionId) {
		return this.client.delete(completionId).map(OpenAiResponse::body);
	}

	@Override
	public Mono<Page<ChatCompletion>> list(ListChatCompletionsParams params) {
		return this.client.list(params).map(OpenAiResponse::body);
	}

	@Override
	public Flux<ChatCompletion> listAll(ListChatCompletionsParams params) {
		Assert.notNull(params, "params must not be null");
		return Observed.flux(this.observer, ChatOperationNames.LIST_ALL, null,
				(observation) -> Pages.walk((after) -> list(params.withAfter(after)), params.after()));
	}

	@Override
	public Mono<Page<StoredMessage>> listMessages(String completionId, ListMessagesParams params) {
		return this.client.listMessages(completionId, params).map(OpenAiResponse::body);
	}

	@Override
	public Flux<StoredMessage> listAllMessages(String completionId, ListMessagesParams params) {
		ChatCompletionsClient.checkId(completionId);
		Assert.notNull(params, "params must not be null");
		return Observed.flux(this.observer, ChatOperationNames.LIST_ALL_MESSAGES, null, (observation) -> Pages
			.walk((after) -> listMessages(completionId, params.withAfter(after)), params.after()));
	}

	@Override
	public ReactiveChatCompletionsResponseOperations withResponse() {
		return this.client;
	}

	@Override
	public ReactiveChatCompletionsOperations withOptions(RequestOptions options) {
		return new ReactiveChatCompletionsTemplate(this.client.withOptions(options), this.observer);
	}

}
