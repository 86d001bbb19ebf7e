package io.github.openaistarter.chat.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A chat completion: the model's answer to a {@link ChatCompletionRequest}, or a stored
 * completion read back. Most callers want the first choice: <pre>{@code
 * ChatCompletion completion = chat.create(messages);
 * String answer = completion.text();        // the first choice's text
 * messages.add(completion.message());       // continue the conversation
 * }</pre>
 *
 * @param id the completion id, for example {@code chatcmpl-abc123}
 * @param object always {@code chat.completion}
 * @param created when it was created (Unix seconds)
 * @param model the model that answered (a dated snapshot of the requested one)
 * @param choices the choices; one unless the request set {@code n}
 * @param usage the tokens used, or {@code null}
 * @param serviceTier the tier that processed the request, or {@code null}
 * @param systemFingerprint the backend configuration fingerprint (deprecated by OpenAI),
 * or {@code null}
 * @param metadata the metadata stored with the completion, empty when none
 * @param moderation moderation results when the request asked for moderation, or
 * {@code null}
 * @param additionalProperties fields this library does not model yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletion(@JsonProperty("id") String id, @JsonProperty("object") @Nullable String object,
		@JsonProperty("created") long created, @JsonProperty("model") String model,
		@JsonProperty("choices") List<Choice> choices, @JsonProperty("usage") @Nullable Usage usage,
		@JsonProperty("service_tier") @Nullable ServiceTier serviceTier,
		@JsonProperty("system_fingerprint") @Nullable String systemFingerprint,
		@JsonProperty("metadata") Map<String, String> metadata,
		@JsonProperty("moderation") @Nullable Moderation moderation,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

	/**
	 * Creates a completion.
	 * @param id the id
	 * @param object the object type
	 * @param created the creation time
	 * @param model the model
	 * @param choices the choices
	 * @param usage the usage
	 * @param serviceTier the service tier
	 * @param systemFingerprint the fingerprint
	 * @param metadata the metadata
	 * @param moderation the moderation results
	 * @param additionalProperties unmodelled fields
	 */
	public ChatCompletion {
		choices = Immutables.list(choices);
		metadata = Immutables.map(metadata);
		additionalProperties = Immutables.map(additionalProperties);
	}

	/**
	 * The first choice, which is the only one unless the request set {@code n}.
	 * @return the first choice
	 * @throws IllegalStateException if the completion has no choices
	 */
	public Choice choice() {
		if (this.choices.isEmpty()) {
			throw new IllegalStateException("Completion " + this.id + " has no choices");
		}
		return this.choices.get(0);
	}

	/**
	 * The message of the first choice; append it to the conversation to continue it.
	 * @return the assistant's message
	 * @throws IllegalStateException if the completion has no choices
	 */
	public AssistantMessage message() {
		return choice().message();
	}

	/**
	 * The text of the first choice's message.
	 * @return the text, empty when the message has none (tool calls only, or a refusal)
	 * @throws IllegalStateException if the completion has no choices
	 */
	public String text() {
		return message().text();
	}

}
