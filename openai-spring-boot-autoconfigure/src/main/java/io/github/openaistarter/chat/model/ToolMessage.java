package io.github.openaistarter.chat.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.util.Assert;

/**
 * The result of a tool call ({@code role: "tool"}), answering the assistant's
 * {@link ToolCall} with the same id.
 */
public final class ToolMessage implements ChatMessage {

	static final String ROLE = "tool";

	private final String toolCallId;

	private final MessageContent content;

	private ToolMessage(String toolCallId, MessageContent content) {
		Assert.hasText(toolCallId, "toolCallId must not be empty");
		this.toolCallId = toolCallId;
		this.content = content;
	}

	@JsonCreator
	static ToolMessage fromJson(@JsonProperty("tool_call_id") String toolCallId,
			@JsonProperty("content") @JsonDeserialize(using = MessageContent.Deserializer.class) Object content) {
		return new ToolMessage(toolCallId, MessageContent.from(content));
	}

	/**
	 * Creates a tool result.
	 * @param toolCallId the id of the tool call this answers
	 * @param result the result, usually JSON
	 * @return the message
	 */
	public static ToolMessage of(String toolCallId, String result) {
		return new ToolMessage(toolCallId, MessageContent.of(result));
	}

	/**
	 * Creates a tool result made of text parts.
	 * @param toolCallId the id of the tool call this answers
	 * @param parts the text parts
	 * @return the message
	 */
	public static ToolMessage of(String toolCallId, List<TextPart> parts) {
		return new ToolMessage(toolCallId, MessageContent.of(parts));
	}

	@Override
	public String role() {
		return ROLE;
	}

	/**
	 * The id of the tool call this answers.
	 * @return the tool call id
	 */
	@JsonProperty("tool_call_id")
	public String toolCallId() {
		return this.toolCallId;
	}

	/**
	 * The content as sent: a {@code String}, or a {@code List<ContentPart>}.
	 * @return the content
	 */
	@JsonProperty("content")
	public Object content() {
		return this.content.json();
	}

	@Override
	public String text() {
		return this.content.text();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof ToolMessage that && this.toolCallId.equals(that.toolCallId)
				&& this.content.equals(that.content);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.toolCallId, this.content);
	}

	@Override
	public String toString() {
		return "ToolMessage[toolCallId=" + this.toolCallId + ", content=" + this.content + "]";
	}

}
