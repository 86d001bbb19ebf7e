package io.github.openaistarter.tool;

import java.util.List;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatMessage;

/**
 * The model still asked for tools after the loop's last round
 * ({@link ChatTools#maxRounds()}).
 */
public class ToolRoundsExceededException extends ToolLoopException {

	private static final long serialVersionUID = 1L;

	private final int maxRounds;

	private final transient ChatCompletion lastCompletion;

	/**
	 * Creates the exception.
	 * @param maxRounds the bound that was reached
	 * @param messages the conversation up to the last round's tool results
	 * @param lastCompletion the answer of the last round, whose tool calls were not run
	 */
	public ToolRoundsExceededException(int maxRounds, List<ChatMessage> messages, ChatCompletion lastCompletion) {
		super("The model still asked for tools after " + maxRounds + " rounds (" + names(lastCompletion)
				+ "); raise the limit (ChatTools.withMaxRounds) if it needs more", messages, null);
		this.maxRounds = maxRounds;
		this.lastCompletion = lastCompletion;
	}

	private static List<String> names(ChatCompletion completion) {
		return completion.message()
			.toolCalls()
			.stream()
			.map((call) -> (call.function() != null) ? call.function().name() : call.type())
			.toList();
	}

	/**
	 * The bound that was reached.
	 * @return the rounds
	 */
	public int maxRounds() {
		return this.maxRounds;
	}

	/**
	 * The answer of the last round, still asking for tools; its tool calls were not run.
	 * @return the completion
	 */
	public ChatCompletion lastCompletion() {
		return this.lastCompletion;
	}

}
