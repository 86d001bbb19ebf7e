package io.github.openaistarter.chat.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What a chunk adds to a choice: a role (in the first fragment), text, refusal text or
 * tool-call fragments.
 *
 * @param role the author's role, usually only in the first fragment
 * @param content a fragment of the content, or {@code null}
 * @param refusal a fragment of the refusal, or {@code null}
 * @param toolCalls fragments of tool calls, merged by their {@link ToolCallDelta#index()}
 * @param functionCall a fragment of a function call of the deprecated {@code functions}
 * API
 * @param additionalProperties fields this library does not model yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChunkDelta(@JsonProperty("role") @Nullable String role, @JsonProperty("content") @Nullable String content,
		@JsonProperty("refusal") @Nullable String refusal,
		@JsonProperty("tool_calls") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCallDelta> toolCalls,
		@JsonProperty("function_call") @Nullable FunctionCall functionCall,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

	/** A delta that adds nothing. */
	public static final ChunkDelta EMPTY = new ChunkDelta(null, null, null, List.of(), null, Map.of());

	/**
	 * Creates a delta.
	 * @param role the role
	 * @param content the content fragment
	 * @param refusal the refusal fragment
	 * @param toolCalls the tool-call fragments
	 * @param functionCall the function-call fragment
	 * @param additionalProperties unmodelled fields
	 */
	public ChunkDelta {
		toolCalls = Immutables.list(toolCalls);
		additionalProperties = Immutables.map(additionalProperties);
	}

}
