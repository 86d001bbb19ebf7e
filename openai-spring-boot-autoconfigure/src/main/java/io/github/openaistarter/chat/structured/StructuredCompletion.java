package io.github.openaistarter.chat.structured;

import java.util.List;

import io.github.openaistarter.chat.model.AssistantMessage;
import io.github.openaistarter.chat.model.ChatCompletion;

/**
 * A completion together with its answer read as a Java type: one value per choice.
 * <pre>{@code
 * StructuredCompletion<Planet> answer = chat.withResponse().create(request, Planet.class).body();
 * Planet planet = answer.value();
 * messages.add(answer.completion().message());   // continue the conversation
 * }</pre>
 *
 * @param <T> the answer's type
 * @param completion the completion as it arrived (id, usage, the assistant message with
 * the JSON text)
 * @param values the answer of each choice, in the order of the choices
 */
public record StructuredCompletion<T>(ChatCompletion completion, List<T> values) {

	/**
	 * Creates a structured completion.
	 * @param completion the completion
	 * @param values the answers, one per choice
	 */
	public StructuredCompletion {
		values = List.copyOf(values);
	}

	/**
	 * The answer of the first choice, the only one unless the request set {@code n}.
	 * @return the answer
	 */
	public T value() {
		return this.values.get(0);
	}

	/**
	 * The assistant message of the first choice, to append to the conversation.
	 * @return the message
	 */
	public AssistantMessage message() {
		return this.completion.message();
	}

}
