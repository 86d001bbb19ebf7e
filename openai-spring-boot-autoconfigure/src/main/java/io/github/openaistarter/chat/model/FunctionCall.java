package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The function a {@link ToolCall} invokes: its name and its arguments as a JSON string.
 * In stream deltas the fields arrive in fragments, so either may be {@code null} there.
 *
 * @param name the function name
 * @param arguments the arguments as JSON text, as the model wrote them (validate before
 * use)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionCall(@JsonProperty("name") @Nullable String name,
		@JsonProperty("arguments") @Nullable String arguments) {

}
