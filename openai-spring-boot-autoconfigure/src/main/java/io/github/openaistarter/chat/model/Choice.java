package io.github.openaistarter.chat.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One choice of a {@link ChatCompletion}.
 *
 * @param index the choice's position
 * @param message the assistant's message
 * @param finishReason why generation stopped, or {@code null}
 * @param logprobs token log probabilities when requested, or {@code null}
 * @param additionalProperties fields this library does not model yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Choice(@JsonProperty("index") int index, @JsonProperty("message") AssistantMessage message,
		@JsonProperty("finish_reason") @Nullable FinishReason finishReason,
		@JsonProperty("logprobs") @Nullable Logprobs logprobs,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

	/**
	 * Creates a choice.
	 * @param index the index
	 * @param message the message
	 * @param finishReason the finish reason
	 * @param logprobs the log probabilities
	 * @param additionalProperties unmodelled fields
	 */
	public Choice {
		message = (message != null) ? message : AssistantMessage.builder().build();
		additionalProperties = Immutables.map(additionalProperties);
	}

}
