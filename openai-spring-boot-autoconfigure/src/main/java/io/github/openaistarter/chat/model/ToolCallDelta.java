package io.github.openaistarter.chat.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A fragment of a tool call in a stream. The first fragment of a call has its id, type
 * and function name; later ones with the same {@link #index()} add pieces of the
 * arguments (or of a custom tool's input).
 *
 * @param index which tool call of the choice this fragment belongs to
 * @param id the call id, in the first fragment
 * @param type {@code function}, in the first fragment
 * @param function the name (first fragment) and a piece of the arguments, for function
 * calls
 * @param custom the name (first fragment) and a piece of the input, for custom tool calls
 * @param additionalProperties fields this library does not model yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCallDelta(@JsonProperty("index") int index, @JsonProperty("id") @Nullable String id,
		@JsonProperty("type") @Nullable String type, @JsonProperty("function") @Nullable FunctionCall function,
		@JsonProperty("custom") @Nullable CustomToolCall custom,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

	/**
	 * Creates a tool-call fragment.
	 * @param index the index
	 * @param id the id
	 * @param type the type
	 * @param function the function fragment
	 * @param custom the custom tool fragment
	 * @param additionalProperties unmodelled fields
	 */
	public ToolCallDelta {
		additionalProperties = Immutables.map(additionalProperties);
	}

}
