package io.github.openaistarter.chat.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Instructions from the developer, followed ahead of user messages by reasoning models
 * ({@code role: "developer"}).
 */
public final class DeveloperMessage extends ContentMessage {

	static final String ROLE = "developer";

	private DeveloperMessage(MessageContent content, @Nullable String name) {
		super(content, name);
	}

	@JsonCreator
	static DeveloperMessage fromJson(
			@JsonProperty("content") @JsonDeserialize(using = MessageContent.Deserializer.class) Object content,
			@JsonProperty("name") @Nullable String name) {
		return new DeveloperMessage(MessageContent.from(content), name);
	}

	/**
	 * Creates a message with text content.
	 * @param text the text
	 * @return the message
	 */
	public static DeveloperMessage of(String text) {
		return new DeveloperMessage(MessageContent.of(text), null);
	}

	/**
	 * Creates a message with content parts (text parts).
	 * @param parts the parts, at least one
	 * @return the message
	 */
	public static DeveloperMessage of(List<? extends ContentPart> parts) {
		return new DeveloperMessage(MessageContent.of(parts), null);
	}

	/**
	 * Returns a copy with a participant name.
	 * @param name the name
	 * @return the new message
	 */
	public DeveloperMessage withName(@Nullable String name) {
		return new DeveloperMessage(messageContent(), name);
	}

	@Override
	public String role() {
		return ROLE;
	}

}
