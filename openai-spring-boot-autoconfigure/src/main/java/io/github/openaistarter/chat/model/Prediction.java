package io.github.openaistarter.chat.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.util.Assert;

/**
 * Predicted output ({@code prediction}): text the answer will mostly repeat, such as a
 * file being edited, which speeds generation up.
 *
 * @param type always {@code content}
 * @param content the predicted text, as a {@code String} or a {@code List<TextPart>}
 */
public record Prediction(@JsonProperty("type") String type, @JsonProperty("content") Object content) {

	/**
	 * Creates a prediction.
	 * @param type the type
	 * @param content the content
	 */
	public Prediction {
		Assert.hasText(type, "type must not be empty");
		Assert.notNull(content, "content must not be null");
	}

	/**
	 * A prediction of text.
	 * @param text the predicted text
	 * @return the prediction
	 */
	public static Prediction content(String text) {
		return new Prediction("content", text);
	}

	/**
	 * A prediction made of text parts.
	 * @param parts the text parts
	 * @return the prediction
	 */
	public static Prediction content(List<TextPart> parts) {
		Assert.notEmpty(parts, "parts must not be empty");
		return new Prediction("content", List.copyOf(parts));
	}

}
