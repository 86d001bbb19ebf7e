package io.github.openaistarter.chat.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The moderation of a completion's input or output: results
 * ({@code type: "moderation_results"}), or the error that prevented moderation
 * ({@code type: "error"}).
 *
 * @param type {@code moderation_results} or {@code error}, or a type this library does
 * not know yet
 * @param model the moderation model, for results
 * @param results the results, for results; empty otherwise
 * @param code the error code, for an error
 * @param message the error message, for an error
 * @param additionalProperties fields this library does not model yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModerationOutcome(@JsonProperty("type") @Nullable String type,
		@JsonProperty("model") @Nullable String model,
		@JsonProperty("results") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ModerationResult> results,
		@JsonProperty("code") @Nullable String code, @JsonProperty("message") @Nullable String message,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

	/**
	 * Creates an outcome.
	 * @param type the type
	 * @param model the model
	 * @param results the results
	 * @param code the error code
	 * @param message the error message
	 * @param additionalProperties unmodelled fields
	 */
	public ModerationOutcome {
		results = Immutables.list(results);
		additionalProperties = Immutables.map(additionalProperties);
	}

	/**
	 * Whether moderation failed ({@code type: "error"}); see {@link #code()} and
	 * {@link #message()}.
	 * @return whether this is an error
	 */
	public boolean isError() {
		return "error".equals(this.type);
	}

	/**
	 * Whether any result flagged the content.
	 * @return whether it was flagged
	 */
	public boolean flagged() {
		return this.results.stream().anyMatch((result) -> result != null && result.flagged());
	}

}
