package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The custom tool a {@link ToolCall} invokes, with its free-form input.
 *
 * @param name the custom tool's name
 * @param input the input the model wrote
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomToolCall(@JsonProperty("name") @Nullable String name,
		@JsonProperty("input") @Nullable String input) {

}
