package io.github.openaistarter.chat.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An annotation of an answer, such as a URL citation of the web search tool.
 *
 * @param type {@code url_citation}, or a type this library does not know yet
 * @param urlCitation the citation, for {@code url_citation}
 * @param additionalProperties fields this library does not model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Annotation(@JsonProperty("type") String type,
		@JsonProperty("url_citation") @Nullable UrlCitation urlCitation,
		@JsonAnySetter Map<String, Object> additionalProperties) {

	/**
	 * Creates an annotation.
	 * @param type the type
	 * @param urlCitation the citation
	 * @param additionalProperties unmodelled fields
	 */
	public Annotation {
		additionalProperties = Immutables.map(additionalProperties);
	}

	/**
	 * A web page cited in the answer.
	 *
	 * @param startIndex index of the first cited character in the content
	 * @param endIndex index after the last cited character
	 * @param url the page's URL
	 * @param title the page's title
	 */
	public record UrlCitation(@JsonProperty("start_index") int startIndex, @JsonProperty("end_index") int endIndex,
			@JsonProperty("url") String url, @JsonProperty("title") @Nullable String title) {

	}

}
