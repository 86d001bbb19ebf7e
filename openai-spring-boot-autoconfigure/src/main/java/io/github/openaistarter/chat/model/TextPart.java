package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A text content part: {@code {"type": "text", "text": ...}}.
 *
 * @param text the text
 * @param promptCacheBreakpoint marks the end of a prefix to cache, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextPart(@JsonProperty("text") String text,
		@JsonProperty("prompt_cache_breakpoint") @Nullable PromptCacheBreakpoint promptCacheBreakpoint)
		implements
			ContentPart {

	static final String TYPE = "text";

	/**
	 * Creates a text part.
	 * @param text the text
	 * @param promptCacheBreakpoint the cache breakpoint, or {@code null}
	 */
	public TextPart {
		Assert.notNull(text, "text must not be null");
	}

	@Override
	public String type() {
		return TYPE;
	}

}
