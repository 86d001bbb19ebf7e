package io.github.openaistarter.tool;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.chat.model.ChatMessage;

/**
 * A tool loop that stopped before the model's final answer. It carries the conversation
 * so far, every tool call in it answered, so that it can be shown or continued.
 */
public abstract class ToolLoopException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<ChatMessage> messages;

	/**
	 * Creates the exception.
	 * @param message what happened
	 * @param messages the conversation so far
	 * @param cause the cause, or {@code null}
	 */
	protected ToolLoopException(String message, List<ChatMessage> messages, @Nullable Throwable cause) {
		super(message, cause);
		this.messages = List.copyOf(messages);
	}

	/**
	 * The conversation so far: the request's messages, then the rounds that completed
	 * (each assistant message with its tool calls and their results).
	 * @return the messages
	 */
	public List<ChatMessage> messages() {
		return this.messages;
	}

}
