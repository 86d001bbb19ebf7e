package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Prompt caching settings ({@code prompt_cache_options}).
 *
 * @param ttl how long cached prefixes live, for example {@code 30m}; or {@code null}
 * @param mode {@code implicit} or {@code explicit} (with {@link PromptCacheBreakpoint}s);
 * or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptCacheOptions(@JsonProperty("ttl") @Nullable String ttl,
		@JsonProperty("mode") @Nullable String mode) {

}
