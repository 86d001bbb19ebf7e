package io.github.openaistarter.chat.model;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

import org.springframework.util.Assert;

/**
 * The {@code content} of a message: either plain text or a list of {@link ContentPart}s.
 * Sent as a JSON string or array accordingly.
 */
final class MessageContent {

	private final @Nullable String text;

	private final @Nullable List<ContentPart> parts;

	private MessageContent(@Nullable String text, @Nullable List<ContentPart> parts) {
		this.text = text;
		this.parts = parts;
	}

	static MessageContent of(String text) {
		Assert.notNull(text, "content must not be null");
		return new MessageContent(text, null);
	}

	static MessageContent of(List<? extends ContentPart> parts) {
		Assert.notEmpty(parts, "content parts must not be empty");
		Assert.noNullElements(parts, "content parts must not contain null");
		return new MessageContent(null, List.copyOf(parts));
	}

	/**
	 * Reads the value Jackson gives for {@code content}: a string or a list of parts.
	 */
	static MessageContent from(@Nullable Object content) {
		Assert.notNull(content, "content is required");
		if (content instanceof String string) {
			return of(string);
		}
		if (content instanceof List<?> list && list.stream().allMatch(ContentPart.class::isInstance)) {
			@SuppressWarnings("unchecked")
			List<ContentPart> parts = (List<ContentPart>) list;
			return of(parts);
		}
		throw new IllegalArgumentException(
				"content must be a String or a List<ContentPart>, not " + content.getClass());
	}

	/** The value to serialize: the text, or the list of parts. */
	Object json() {
		return (this.parts != null) ? this.parts : Objects.requireNonNull(this.text);
	}

	String text() {
		return (this.parts != null) ? ContentPart.textOf(this.parts) : Objects.requireNonNull(this.text);
	}

	List<ContentPart> parts() {
		return (this.parts != null) ? this.parts : List.of(ContentPart.text(Objects.requireNonNull(this.text)));
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof MessageContent that && Objects.equals(this.text, that.text)
				&& Objects.equals(this.parts, that.parts);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.text, this.parts);
	}

	@Override
	public String toString() {
		return String.valueOf(json());
	}

	/**
	 * Reads {@code content} as a string or as an array of parts.
	 */
	static final class Deserializer extends ValueDeserializer<Object> {

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.START_ARRAY) {
				JavaType listOfParts = context.getTypeFactory().constructCollectionType(List.class, ContentPart.class);
				return context.readValue(parser, listOfParts);
			}
			return context.readValue(parser, String.class);
		}

	}

}
