package io.github.openaistarter.samples.chatweb;

import java.util.List;
import java.util.Map;

import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.StreamOptions;
import org.jspecify.annotations.Nullable;

/**
 * What the chat page sends for each turn: the conversation so far, ending with the user's
 * new message, and whether OpenAI should store the completion, with which metadata.
 *
 * @param messages the conversation: a system prompt, then the user and assistant turns
 * @param store whether to store the completion (then it shows on the stored-completions
 * page)
 * @param metadata the tags to store it with, or {@code null}
 */
record ChatTurn(List<Message> messages, boolean store, @Nullable Map<String, String> metadata) {

	ChatTurn {
		messages = (messages != null) ? List.copyOf(messages) : List.of();
	}

	/**
	 * The request that continues the conversation, streamed with its usage at the end.
	 * @return the request
	 * @throws IllegalArgumentException if a message has an unknown role
	 */
	ChatCompletionRequest toRequest() {
		ChatCompletionRequest.Builder request = ChatCompletionRequest.builder()
			.messages(this.messages.stream().map(Message::toChatMessage).toList())
			.streamOptions(StreamOptions.INCLUDE_USAGE);
		if (this.store) {
			request.store(true).metadata(this.metadata);
		}
		return request.build();
	}

	/**
	 * One message of the conversation.
	 *
	 * @param role {@code system}, {@code user} or {@code assistant}
	 * @param content its text
	 */
	record Message(String role, String content) {

		ChatMessage toChatMessage() {
			return switch (this.role) {
				case "system" -> ChatMessage.system(this.content);
				case "user" -> ChatMessage.user(this.content);
				case "assistant" -> ChatMessage.assistant(this.content);
				default -> throw new IllegalArgumentException("Unknown role '" + this.role + "'");
			};
		}

	}

}
