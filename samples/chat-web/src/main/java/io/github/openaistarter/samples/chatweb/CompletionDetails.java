package io.github.openaistarter.samples.chatweb;

import java.util.List;

/**
 * A stored completion opened on the stored-completions page: the conversation it
 * answered, and its answer.
 *
 * @param completion the completion
 * @param messages its input messages, oldest first
 */
record CompletionDetails(CompletionSummary completion, List<Message> messages) {

	/**
	 * A stored input message.
	 *
	 * @param role who wrote it: {@code system}, {@code user}, {@code assistant}...
	 * @param text its text
	 */
	record Message(String role, String text) {

	}

}
