package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.util.Assert;

/**
 * A refusal content part of an assistant message: {@code {"type": "refusal", "refusal":
 * ...}}.
 *
 * @param refusal the refusal text
 */
public record RefusalPart(@JsonProperty("refusal") String refusal) implements ContentPart {

	static final String TYPE = "refusal";

	/**
	 * Creates a refusal part.
	 * @param refusal the refusal text
	 */
	public RefusalPart {
		Assert.notNull(refusal, "refusal must not be null");
	}

	@Override
	public String type() {
		return TYPE;
	}

}
