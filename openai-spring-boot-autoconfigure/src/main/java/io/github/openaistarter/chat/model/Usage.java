package io.github.openaistarter.chat.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Tokens a request used ({@code usage}). In a stream it arrives in the last chunk when
 * {@code stream_options.include_usage} is set.
 *
 * @param promptTokens tokens of the prompt (input)
 * @param completionTokens tokens of the answer (output), reasoning included
 * @param totalTokens both together
 * @param promptTokensDetails the prompt tokens by kind, or {@code null}
 * @param completionTokensDetails the answer tokens by kind, or {@code null}
 * @param additionalProperties fields this library does not model yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Usage(@JsonProperty("prompt_tokens") long promptTokens,
		@JsonProperty("completion_tokens") long completionTokens, @JsonProperty("total_tokens") long totalTokens,
		@JsonProperty("prompt_tokens_details") @Nullable PromptTokensDetails promptTokensDetails,
		@JsonProperty("completion_tokens_details") @Nullable CompletionTokensDetails completionTokensDetails,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

	/**
	 * Creates usage.
	 * @param promptTokens prompt tokens
	 * @param completionTokens completion tokens
	 * @param totalTokens total tokens
	 * @param promptTokensDetails prompt token details
	 * @param completionTokensDetails completion token details
	 * @param additionalProperties unmodelled fields
	 */
	public Usage {
		additionalProperties = Immutables.map(additionalProperties);
	}

	/**
	 * Prompt tokens by kind.
	 *
	 * @param cachedTokens tokens read from the prompt cache
	 * @param audioTokens audio input tokens
	 * @param textTokens text input tokens
	 * @param imageTokens image input tokens
	 * @param cacheWriteTokens tokens written to the prompt cache
	 * @param additionalProperties fields this library does not model yet
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PromptTokensDetails(@JsonProperty("cached_tokens") @Nullable Long cachedTokens,
			@JsonProperty("audio_tokens") @Nullable Long audioTokens,
			@JsonProperty("text_tokens") @Nullable Long textTokens,
			@JsonProperty("image_tokens") @Nullable Long imageTokens,
			@JsonProperty("cache_write_tokens") @Nullable Long cacheWriteTokens,
			@JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

		/**
		 * Creates details.
		 * @param cachedTokens cached tokens
		 * @param audioTokens audio tokens
		 * @param textTokens text tokens
		 * @param imageTokens image tokens
		 * @param cacheWriteTokens cache write tokens
		 * @param additionalProperties unmodelled fields
		 */
		public PromptTokensDetails {
			additionalProperties = Immutables.map(additionalProperties);
		}

	}

	/**
	 * Answer tokens by kind.
	 *
	 * @param reasoningTokens tokens the model spent reasoning
	 * @param audioTokens audio output tokens
	 * @param textTokens text output tokens
	 * @param acceptedPredictionTokens tokens of a {@code prediction} that appeared in the
	 * answer
	 * @param rejectedPredictionTokens tokens of a {@code prediction} that did not (still
	 * billed)
	 * @param additionalProperties fields this library does not model yet
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CompletionTokensDetails(@JsonProperty("reasoning_tokens") @Nullable Long reasoningTokens,
			@JsonProperty("audio_tokens") @Nullable Long audioTokens,
			@JsonProperty("text_tokens") @Nullable Long textTokens,
			@JsonProperty("accepted_prediction_tokens") @Nullable Long acceptedPredictionTokens,
			@JsonProperty("rejected_prediction_tokens") @Nullable Long rejectedPredictionTokens,
			@JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

		/**
		 * Creates details.
		 * @param reasoningTokens reasoning tokens
		 * @param audioTokens audio tokens
		 * @param textTokens text tokens
		 * @param acceptedPredictionTokens accepted prediction tokens
		 * @param rejectedPredictionTokens rejected prediction tokens
		 * @param additionalProperties unmodelled fields
		 */
		public CompletionTokensDetails {
			additionalProperties = Immutables.map(additionalProperties);
		}

	}

}
