package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Moderation of input and output ({@code moderation}).
 *
 * @param model the moderation model
 * @param policy what to moderate and how, or {@code null} for the default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModerationOptions(@JsonProperty("model") String model, @JsonProperty("policy") @Nullable Policy policy) {

	/**
	 * Creates moderation options.
	 * @param model the model
	 * @param policy the policy
	 */
	public ModerationOptions {
		Assert.hasText(model, "moderation model must not be empty");
	}

	/**
	 * What to moderate.
	 *
	 * @param input the moderation of the input, or {@code null}
	 * @param output the moderation of the output, or {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Policy(@JsonProperty("input") @Nullable Mode input, @JsonProperty("output") @Nullable Mode output) {

	}

	/**
	 * How to moderate.
	 *
	 * @param mode {@code score} (report) or {@code block}
	 */
	public record Mode(@JsonProperty("mode") String mode) {

	}

}
