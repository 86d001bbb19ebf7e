package io.github.openaistarter.chat.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The fragment of one choice in a {@link ChatCompletionChunk}.
 *
 * @param index which choice this fragment belongs to
 * @param delta what this fragment adds
 * @param finishReason why the choice stopped, in its last fragment; otherwise
 * {@code null}
 * @param logprobs log probabilities of the fragment's tokens, when requested
 * @param additionalProperties fields this library does not model yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChunkChoice(@JsonProperty("index") int index, @JsonProperty("delta") ChunkDelta delta,
		@JsonProperty("finish_reason") @Nullable FinishReason finishReason,
		@JsonProperty("logprobs") @Nullable Logprobs logprobs,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

	/**
	 * Creates a choice fragment.
	 * @param index the index
	 * @param delta the delta
	 * @param finishReason the finish reason
	 * @param logprobs the log probabilities
	 * @param additionalProperties unmodelled fields
	 */
	public ChunkChoice {
		delta = (delta != null) ? delta : ChunkDelta.EMPTY;
		additionalProperties = Immutables.map(additionalProperties);
	}

}
