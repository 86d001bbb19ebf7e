package io.github.openaistarter.chat.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A content part of a type this library does not know yet, kept as it came so nothing is
 * lost.
 *
 * @param type the part type
 * @param properties the other fields of the part
 */
public record UnknownContentPart(@JsonProperty("type") String type,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> properties) implements ContentPart {

	/**
	 * Creates an unknown part.
	 * @param type the part type
	 * @param properties its other fields
	 */
	public UnknownContentPart {
		properties = Immutables.map(properties);
	}

}
