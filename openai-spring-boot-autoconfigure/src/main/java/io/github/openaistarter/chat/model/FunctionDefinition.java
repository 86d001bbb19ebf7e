package io.github.openaistarter.chat.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.github.openaistarter.schema.StrictSchemaRules;

import org.springframework.util.Assert;

/**
 * A function the model may call: its name, what it does, and its parameters as a JSON
 * Schema. <pre>{@code
 * FunctionDefinition weather = FunctionDefinition.of("get_weather", "Current weather in a city",
 *     Map.of("type", "object",
 *            "properties", Map.of("city", Map.of("type", "string")),
 *            "required", List.of("city")));
 * }</pre>
 *
 * @param name the function name ({@code a-z A-Z 0-9 _ -}, up to 64 characters)
 * @param description what the function does, to help the model choose; or {@code null}
 * @param parameters the parameters as a JSON Schema object, or {@code null} for none
 * @param strict whether the model must follow the schema exactly, or {@code null} for the
 * default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionDefinition(@JsonProperty("name") String name,
		@JsonProperty("description") @Nullable String description,
		@JsonProperty("parameters") @Nullable Map<String, Object> parameters,
		@JsonProperty("strict") @Nullable Boolean strict) {

	/**
	 * Creates a function definition.
	 * @param name the name
	 * @param description the description
	 * @param parameters the parameters schema
	 * @param strict strict schema adherence
	 * @throws IllegalArgumentException if {@code strict} is true and the parameters
	 * schema breaks OpenAI's strict rules ({@link StrictSchemaRules})
	 */
	public FunctionDefinition {
		Assert.hasText(name, "function name must not be empty");
		parameters = Immutables.mapOrNull(parameters);
		if (Boolean.TRUE.equals(strict) && parameters != null) {
			StrictSchemaRules.check(name, parameters);
		}
	}

	/**
	 * A function with a description and a parameters schema.
	 * @param name the name
	 * @param description what it does
	 * @param parameters the parameters as a JSON Schema object
	 * @return the definition
	 */
	public static FunctionDefinition of(String name, @Nullable String description,
			@Nullable Map<String, Object> parameters) {
		return new FunctionDefinition(name, description, parameters, null);
	}

	/**
	 * Returns a copy that asks the model to follow the schema exactly (structured
	 * outputs).
	 * @return the strict definition
	 * @throws IllegalArgumentException if the parameters schema breaks OpenAI's strict
	 * rules
	 */
	public FunctionDefinition withStrict() {
		return new FunctionDefinition(this.name, this.description, this.parameters, true);
	}

}
