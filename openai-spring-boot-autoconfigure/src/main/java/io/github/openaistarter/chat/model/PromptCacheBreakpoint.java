package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Marks a content part as the end of a prefix to cache ({@code prompt_cache_breakpoint}).
 *
 * @param mode the breakpoint mode; {@code explicit} is the one the API defines
 */
public record PromptCacheBreakpoint(@JsonProperty("mode") String mode) {

	/** An explicit breakpoint. */
	public static final PromptCacheBreakpoint EXPLICIT = new PromptCacheBreakpoint("explicit");

}
