package io.github.openaistarter.chat.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One part of a message's content, for messages that mix text with images, audio or
 * files: <pre>{@code
 * ChatMessage.user(ContentPart.text("What is in this picture?"),
 *     ContentPart.imageUrl("https://example.com/cat.png"));
 * }</pre> Which parts a role accepts: system, developer and tool messages take text; user
 * messages take text, images, audio and files; assistant messages take text and refusals.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
		visible = true, defaultImpl = UnknownContentPart.class)
@JsonSubTypes({ @JsonSubTypes.Type(value = TextPart.class, name = TextPart.TYPE),
		@JsonSubTypes.Type(value = ImagePart.class, name = ImagePart.TYPE),
		@JsonSubTypes.Type(value = AudioPart.class, name = AudioPart.TYPE),
		@JsonSubTypes.Type(value = FilePart.class, name = FilePart.TYPE),
		@JsonSubTypes.Type(value = RefusalPart.class, name = RefusalPart.TYPE) })
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface ContentPart permits TextPart, ImagePart, AudioPart, FilePart, RefusalPart, UnknownContentPart {

	/**
	 * The part type on the wire.
	 * @return for example {@code text} or {@code image_url}
	 */
	@JsonProperty("type")
	String type();

	/**
	 * A text part.
	 * @param text the text
	 * @return the part
	 */
	static TextPart text(String text) {
		return new TextPart(text, null);
	}

	/**
	 * An image given by URL or as a {@code data:image/png;base64,...} URL, with automatic
	 * detail.
	 * @param url the image URL
	 * @return the part
	 */
	static ImagePart imageUrl(String url) {
		return new ImagePart(new ImagePart.ImageUrl(url, null), null);
	}

	/**
	 * An image with a detail level.
	 * @param url the image URL
	 * @param detail {@code auto}, {@code low} or {@code high}
	 * @return the part
	 */
	static ImagePart imageUrl(String url, String detail) {
		return new ImagePart(new ImagePart.ImageUrl(url, detail), null);
	}

	/**
	 * Base64-encoded input audio.
	 * @param base64Data the audio bytes, base64-encoded
	 * @param format {@code wav} or {@code mp3}
	 * @return the part
	 */
	static AudioPart inputAudio(String base64Data, String format) {
		return new AudioPart(new AudioPart.InputAudio(base64Data, format), null);
	}

	/**
	 * A file uploaded to OpenAI earlier.
	 * @param fileId the file id
	 * @return the part
	 */
	static FilePart fileId(String fileId) {
		return new FilePart(new FilePart.FileInput(null, null, fileId), null);
	}

	/**
	 * A file sent inline.
	 * @param filename the file name
	 * @param base64Data the file content, base64-encoded (a {@code data:} URL)
	 * @return the part
	 */
	static FilePart fileData(String filename, String base64Data) {
		return new FilePart(new FilePart.FileInput(filename, base64Data, null), null);
	}

	/**
	 * A refusal, in an assistant message.
	 * @param refusal the refusal text
	 * @return the part
	 */
	static RefusalPart refusal(String refusal) {
		return new RefusalPart(refusal);
	}

	/**
	 * Joins the text of the text parts, ignoring other parts.
	 * @param parts the parts
	 * @return the text, empty when there is none
	 */
	static String textOf(List<? extends ContentPart> parts) {
		StringBuilder text = new StringBuilder();
		for (ContentPart part : parts) {
			if (part instanceof TextPart textPart) {
				text.append(textPart.text());
			}
		}
		return text.toString();
	}

}
