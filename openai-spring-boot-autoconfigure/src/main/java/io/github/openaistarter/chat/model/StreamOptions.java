package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Streaming settings ({@code stream_options}), used by the stream operations.
 *
 * @param includeUsage send a last chunk with the token {@link Usage}
 * @param includeObfuscation pad chunks against side-channel attacks ({@code null} for the
 * default, on)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamOptions(@JsonProperty("include_usage") @Nullable Boolean includeUsage,
		@JsonProperty("include_obfuscation") @Nullable Boolean includeObfuscation) {

	/** Ask for the usage chunk. */
	public static final StreamOptions INCLUDE_USAGE = new StreamOptions(true, null);

}
