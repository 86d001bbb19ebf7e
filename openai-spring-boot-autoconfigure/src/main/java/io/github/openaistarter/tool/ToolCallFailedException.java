package io.github.openaistarter.tool;

import java.util.List;

import io.github.openaistarter.chat.model.ChatMessage;

/**
 * A tool call failed and the loop was told to stop on failures
 * ({@link ToolErrorHandling#ABORT}): the tool threw or timed out (the cause), its
 * arguments did not fit its parameters, or the model called a tool that is not there.
 */
public class ToolCallFailedException extends ToolLoopException {

	private static final long serialVersionUID = 1L;

	private final String toolName;

	private final String toolCallId;

	/**
	 * Creates the exception.
	 * @param toolName the tool the model called
	 * @param toolCallId the call's id
	 * @param messages the conversation before the round whose call failed
	 * @param cause what failed
	 */
	public ToolCallFailedException(String toolName, String toolCallId, List<ChatMessage> messages, Throwable cause) {
		super("Tool '" + toolName + "' failed (call " + toolCallId + "): " + cause.getMessage(), messages, cause);
		this.toolName = toolName;
		this.toolCallId = toolCallId;
	}

	/**
	 * The tool the model called.
	 * @return the name
	 */
	public String toolName() {
		return this.toolName;
	}

	/**
	 * The id of the call that failed.
	 * @return the id
	 */
	public String toolCallId() {
		return this.toolCallId;
	}

}
