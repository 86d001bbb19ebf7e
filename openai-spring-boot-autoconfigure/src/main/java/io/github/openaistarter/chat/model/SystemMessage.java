package io.github.openaistarter.chat.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Instructions that set the behaviour of the assistant ({@code role: "system"}).
 */
public final class SystemMessage extends ContentMessage {

	static final String ROLE = "system";

	private SystemMessage(MessageContent content, @Nullable String name) {
		super(content, name);
	}

	@JsonCreator
	static SystemMessage fromJson(
			@JsonProperty("content") @JsonDeserialize(using = MessageContent.Deserializer.class) Object content,
			@JsonProperty("name") @Nullable String name) {
		return new SystemMessage(MessageContent.from(content), name);
	}

	/**
	 * Creates a message with text content.
	 * @param text the text
	 * @return the message
	 */
	public static SystemMessage of(String text) {
		return new SystemMessage(MessageContent.of(text), null);
	}

	/**
	 * Creates a message with content parts (text parts).
	 * @param parts the parts, at least one
	 * @return the message
	 */
	public static SystemMessage of(List<? extends ContentPart> parts) {
		return new SystemMessage(MessageContent.of(parts), null);
	}

	/**
	 * Returns a copy with a participant name.
	 * @param name the name
	 * @return the new message
	 */
	public SystemMessage withName(@Nullable String name) {
		return new SystemMessage(messageContent(), name);
	}

	@Override
	public String role() {
		return ROLE;
	}

}
