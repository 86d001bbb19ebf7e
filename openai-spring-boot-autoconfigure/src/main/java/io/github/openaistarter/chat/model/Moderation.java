package io.github.openaistarter.chat.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Moderation of a completion's input and output ({@code moderation}), when the request
 * asked for it with {@link ModerationOptions}: <pre>{@code
 * Moderation moderation = completion.moderation();
 * if (moderation != null && moderation.output() != null && moderation.output().flagged()) {
 *     // withhold the answer
 * }
 * }</pre>
 *
 * @param input the moderation of the request input, or {@code null}
 * @param output the moderation of the generated output, or {@code null}
 * @param additionalProperties fields this library does not model yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Moderation(@JsonProperty("input") @Nullable ModerationOutcome input,
		@JsonProperty("output") @Nullable ModerationOutcome output,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

	/**
	 * Creates moderation results.
	 * @param input the input moderation
	 * @param output the output moderation
	 * @param additionalProperties unmodelled fields
	 */
	public Moderation {
		additionalProperties = Immutables.map(additionalProperties);
	}

}
