package io.github.openaistarter.chat.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Log probabilities of a choice's tokens, when the request set {@code logprobs}.
 *
 * @param content the content tokens, or {@code null}
 * @param refusal the refusal tokens, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Logprobs(@JsonProperty("content") @Nullable List<TokenLogprob> content,
		@JsonProperty("refusal") @Nullable List<TokenLogprob> refusal) {

	/**
	 * Creates log probabilities.
	 * @param content the content tokens
	 * @param refusal the refusal tokens
	 */
	public Logprobs {
		content = Immutables.listOrNull(content);
		refusal = Immutables.listOrNull(refusal);
	}

	/**
	 * The log probability of one token, with the most likely alternatives.
	 *
	 * @param token the token
	 * @param logprob its log probability
	 * @param bytes its UTF-8 bytes, or {@code null}
	 * @param topLogprobs the most likely tokens at this position, when
	 * {@code top_logprobs} was set
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record TokenLogprob(@JsonProperty("token") String token, @JsonProperty("logprob") double logprob,
			@JsonProperty("bytes") @Nullable List<Integer> bytes,
			@JsonProperty("top_logprobs") List<TopLogprob> topLogprobs) {

		/**
		 * Creates a token log probability.
		 * @param token the token
		 * @param logprob the log probability
		 * @param bytes the bytes
		 * @param topLogprobs the alternatives
		 */
		public TokenLogprob {
			bytes = Immutables.listOrNull(bytes);
			topLogprobs = Immutables.list(topLogprobs);
		}

	}

	/**
	 * A likely token at a position.
	 *
	 * @param token the token
	 * @param logprob its log probability
	 * @param bytes its UTF-8 bytes, or {@code null}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record TopLogprob(@JsonProperty("token") String token, @JsonProperty("logprob") double logprob,
			@JsonProperty("bytes") @Nullable List<Integer> bytes) {

		/**
		 * Creates an alternative.
		 * @param token the token
		 * @param logprob the log probability
		 * @param bytes the bytes
		 */
		public TopLogprob {
			bytes = Immutables.listOrNull(bytes);
		}

	}

}
