package io.github.openaistarter.chat.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A message of a stored completion, as listed by {@code listMessages}. The role is kept
 * as sent: the description says {@code assistant} but the API lists the input messages
 * ({@code user}, {@code system}, ...), so any role is accepted.
 *
 * @param id the message id
 * @param role the author's role
 * @param content the text content, or {@code null}
 * @param contentParts the content as parts (text and images), or {@code null}
 * @param name the participant name, or {@code null}
 * @param refusal the refusal, or {@code null}
 * @param toolCalls the tool calls, empty when none
 * @param annotations annotations such as citations, empty when none
 * @param audio audio of an assistant answer, or {@code null}
 * @param functionCall the function call of the deprecated {@code functions} API, or
 * {@code null}
 * @param additionalProperties fields this library does not model yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredMessage(@JsonProperty("id") String id, @JsonProperty("role") @Nullable String role,
		@JsonProperty("content") @Nullable String content,
		@JsonProperty("content_parts") @Nullable List<ContentPart> contentParts,
		@JsonProperty("name") @Nullable String name, @JsonProperty("refusal") @Nullable String refusal,
		@JsonProperty("tool_calls") List<ToolCall> toolCalls, @JsonProperty("annotations") List<Annotation> annotations,
		@JsonProperty("audio") @Nullable AssistantAudio audio,
		@JsonProperty("function_call") @Nullable FunctionCall functionCall,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

	/**
	 * Creates a stored message.
	 * @param id the id
	 * @param role the role
	 * @param content the content
	 * @param contentParts the content parts
	 * @param name the name
	 * @param refusal the refusal
	 * @param toolCalls the tool calls
	 * @param annotations the annotations
	 * @param audio the audio
	 * @param functionCall the function call
	 * @param additionalProperties unmodelled fields
	 */
	public StoredMessage {
		contentParts = Immutables.listOrNull(contentParts);
		toolCalls = Immutables.list(toolCalls);
		annotations = Immutables.list(annotations);
		additionalProperties = Immutables.map(additionalProperties);
	}

	/**
	 * The text of the message: the content, or the text of its parts.
	 * @return the text, empty when there is none
	 */
	public String text() {
		if (this.content != null) {
			return this.content;
		}
		return (this.contentParts != null) ? ContentPart.textOf(this.contentParts) : "";
	}

}
