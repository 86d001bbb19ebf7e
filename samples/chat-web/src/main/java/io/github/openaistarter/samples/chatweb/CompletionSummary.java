package io.github.openaistarter.samples.chatweb;

import java.util.Map;

import io.github.openaistarter.chat.model.ChatCompletion;

/**
 * A stored completion as the stored-completions page lists it.
 *
 * @param id the completion id
 * @param model the model that answered
 * @param created when it was created (Unix seconds)
 * @param metadata its metadata
 * @param answer the text of its answer
 */
record CompletionSummary(String id, String model, long created, Map<String, String> metadata, String answer) {

	static CompletionSummary of(ChatCompletion completion) {
		return new CompletionSummary(completion.id(), completion.model(), completion.created(), completion.metadata(),
				completion.text());
	}

}
