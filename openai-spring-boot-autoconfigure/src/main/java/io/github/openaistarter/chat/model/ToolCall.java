package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A tool the assistant asked to call: a function ({@code type: "function"}) or a custom
 * tool ({@code type: "custom"}). Answer it with {@link ChatMessage#tool(String, String)}
 * using its {@link #id()}.
 *
 * @param id the call id
 * @param type {@code function} or {@code custom}
 * @param function the function and its arguments, for function calls
 * @param custom the custom tool and its input, for custom calls
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolCall(@JsonProperty("id") String id, @JsonProperty("type") String type,
		@JsonProperty("function") @Nullable FunctionCall function,
		@JsonProperty("custom") @Nullable CustomToolCall custom) {

	/**
	 * A function call.
	 * @param id the call id
	 * @param name the function name
	 * @param arguments the arguments as JSON text
	 * @return the tool call
	 */
	public static ToolCall function(String id, String name, String arguments) {
		return new ToolCall(id, "function", new FunctionCall(name, arguments), null);
	}

}
