package io.github.openaistarter.chat.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What the user says ({@code role: "user"}).
 */
public final class UserMessage extends ContentMessage {

	static final String ROLE = "user";

	private UserMessage(MessageContent content, @Nullable String name) {
		super(content, name);
	}

	@JsonCreator
	static UserMessage fromJson(
			@JsonProperty("content") @JsonDeserialize(using = MessageContent.Deserializer.class) Object content,
			@JsonProperty("name") @Nullable String name) {
		return new UserMessage(MessageContent.from(content), name);
	}

	/**
	 * Creates a message with text content.
	 * @param text the text
	 * @return the message
	 */
	public static UserMessage of(String text) {
		return new UserMessage(MessageContent.of(text), null);
	}

	/**
	 * Creates a message with content parts (text, images, audio and files).
	 * @param parts the parts, at least one
	 * @return the message
	 */
	public static UserMessage of(List<? extends ContentPart> parts) {
		return new UserMessage(MessageContent.of(parts), null);
	}

	/**
	 * Returns a copy with a participant name.
	 * @param name the name
	 * @return the new message
	 */
	public UserMessage withName(@Nullable String name) {
		return new UserMessage(messageContent(), name);
	}

	@Override
	public String role() {
		return ROLE;
	}

}
