package io.github.openaistarter.tool;

import java.util.List;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatMessage;

import org.springframework.util.Assert;

/**
 * What a tool loop ends with: the model's final answer and the whole conversation, to
 * show or to continue.
 *
 * @param completion the final completion, the answer without tool calls
 * @param messages the conversation: the request's messages, then every assistant message
 * and tool result the loop added, ending with the final answer; append the next user
 * message and send it to go on
 * @param rounds the model calls the loop made
 * @param toolCalls the tool calls the loop ran
 */
public record ToolConversation(ChatCompletion completion, List<ChatMessage> messages, int rounds, int toolCalls) {

	/**
	 * Creates the result.
	 * @param completion the final completion
	 * @param messages the conversation
	 * @param rounds the model calls
	 * @param toolCalls the tool calls
	 */
	public ToolConversation {
		Assert.notNull(completion, "completion must not be null");
		messages = List.copyOf(messages);
	}

	/**
	 * The final answer's text.
	 * @return the text, empty for none
	 */
	public String text() {
		return this.completion.text();
	}

}
