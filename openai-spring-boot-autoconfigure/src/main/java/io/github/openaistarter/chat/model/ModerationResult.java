package io.github.openaistarter.chat.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One moderation result of a {@link ModerationOutcome}.
 *
 * @param type always {@code moderation_result}
 * @param model the moderation model that produced it
 * @param flagged whether any category flagged the content
 * @param categories category to whether the content is flagged under it
 * @param categoryScores category to its score
 * @param categoryAppliedInputTypes category to the input types ({@code text},
 * {@code image}) its score reflects
 * @param additionalProperties fields this library does not model yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModerationResult(@JsonProperty("type") @Nullable String type,
		@JsonProperty("model") @Nullable String model, @JsonProperty("flagged") boolean flagged,
		@JsonProperty("categories") Map<String, Boolean> categories,
		@JsonProperty("category_scores") Map<String, Double> categoryScores,
		@JsonProperty("category_applied_input_types") Map<String, List<String>> categoryAppliedInputTypes,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

	/**
	 * Creates a result.
	 * @param type the type
	 * @param model the model
	 * @param flagged whether it is flagged
	 * @param categories the categories
	 * @param categoryScores the scores
	 * @param categoryAppliedInputTypes the input types per category
	 * @param additionalProperties unmodelled fields
	 */
	public ModerationResult {
		categories = Immutables.map(categories);
		categoryScores = Immutables.map(categoryScores);
		categoryAppliedInputTypes = Immutables.map(categoryAppliedInputTypes);
		additionalProperties = Immutables.map(additionalProperties);
	}

}
