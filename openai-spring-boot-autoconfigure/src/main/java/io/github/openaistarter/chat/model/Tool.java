package io.github.openaistarter.chat.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A tool the model may call ({@code tools}): a function, or a custom tool.
 *
 * @param type {@code function} or {@code custom}
 * @param function the function, for {@code function}
 * @param custom the custom tool, for {@code custom}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(@JsonProperty("type") String type, @JsonProperty("function") @Nullable FunctionDefinition function,
		@JsonProperty("custom") @Nullable CustomToolDefinition custom) {

	/**
	 * Creates a tool.
	 * @param type the type
	 * @param function the function
	 * @param custom the custom tool
	 */
	public Tool {
		Assert.hasText(type, "tool type must not be empty");
	}

	/**
	 * A function tool.
	 * @param function the function
	 * @return the tool
	 */
	public static Tool function(FunctionDefinition function) {
		return new Tool("function", function, null);
	}

	/**
	 * A function tool.
	 * @param name the function name
	 * @param description what it does
	 * @param parameters its parameters as a JSON Schema object
	 * @return the tool
	 */
	public static Tool function(String name, @Nullable String description, @Nullable Map<String, Object> parameters) {
		return function(FunctionDefinition.of(name, description, parameters));
	}

	/**
	 * A custom tool.
	 * @param custom the custom tool
	 * @return the tool
	 */
	public static Tool custom(CustomToolDefinition custom) {
		return new Tool("custom", null, custom);
	}

}
