package io.github.openaistarter.chat.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A developer, system or user message: content (text or parts) and an optional
 * participant name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract sealed class ContentMessage implements ChatMessage
		permits DeveloperMessage, SystemMessage, UserMessage {

	private final MessageContent content;

	private final @Nullable String name;

	ContentMessage(MessageContent content, @Nullable String name) {
		this.content = content;
		this.name = name;
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

	/**
	 * The content as parts; plain text is one {@link TextPart}.
	 * @return the parts
	 */
	public List<ContentPart> parts() {
		return this.content.parts();
	}

	/**
	 * An optional name that tells participants of the same role apart.
	 * @return the name, or {@code null}
	 */
	@JsonProperty("name")
	public @Nullable String name() {
		return this.name;
	}

	MessageContent messageContent() {
		return this.content;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other != null && other.getClass() == getClass() && this.content.equals(((ContentMessage) other).content)
				&& Objects.equals(this.name, ((ContentMessage) other).name);
	}

	@Override
	public int hashCode() {
		return Objects.hash(role(), this.content, this.name);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[content=" + this.content
				+ ((this.name != null) ? ", name=" + this.name : "") + "]";
	}

}
