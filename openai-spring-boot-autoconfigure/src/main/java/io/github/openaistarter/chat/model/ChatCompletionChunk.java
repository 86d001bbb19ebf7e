package io.github.openaistarter.chat.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One event of a streamed completion: a fragment (delta) of each choice. With
 * {@code stream_options.include_usage} the last chunk has no choices and carries the
 * {@link #usage()}. Rebuild the whole completion with {@code ChatCompletionAccumulator}.
 *
 * @param id the completion id, the same in every chunk of a stream
 * @param object always {@code chat.completion.chunk}
 * @param created when the completion was created (Unix seconds)
 * @param model the model that answers
 * @param choices the choice fragments; empty in the usage chunk
 * @param usage the tokens used, only in the last chunk and only when requested
 * @param serviceTier the tier that processes the request, or {@code null}
 * @param systemFingerprint the backend configuration fingerprint (deprecated by OpenAI),
 * or {@code null}
 * @param obfuscation padding against side-channel attacks, or {@code null}
 * @param moderation moderation results when the request asked for moderation, or
 * {@code null}
 * @param additionalProperties fields this library does not model yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionChunk(@JsonProperty("id") String id, @JsonProperty("object") @Nullable String object,
		@JsonProperty("created") long created, @JsonProperty("model") String model,
		@JsonProperty("choices") List<ChunkChoice> choices, @JsonProperty("usage") @Nullable Usage usage,
		@JsonProperty("service_tier") @Nullable ServiceTier serviceTier,
		@JsonProperty("system_fingerprint") @Nullable String systemFingerprint,
		@JsonProperty("obfuscation") @Nullable String obfuscation,
		@JsonProperty("moderation") @Nullable Moderation moderation,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

	/**
	 * Creates a chunk.
	 * @param id the id
	 * @param object the object type
	 * @param created the creation time
	 * @param model the model
	 * @param choices the choice fragments
	 * @param usage the usage
	 * @param serviceTier the service tier
	 * @param systemFingerprint the fingerprint
	 * @param obfuscation the obfuscation padding
	 * @param moderation the moderation results
	 * @param additionalProperties unmodelled fields
	 */
	public ChatCompletionChunk {
		choices = Immutables.list(choices);
		additionalProperties = Immutables.map(additionalProperties);
	}

	/**
	 * The text this chunk adds to the first choice, to print an answer as it arrives.
	 * @return the content fragment, empty when the chunk adds none
	 */
	public String text() {
		if (this.choices.isEmpty()) {
			return "";
		}
		String content = this.choices.get(0).delta().content();
		return (content != null) ? content : "";
	}

}
