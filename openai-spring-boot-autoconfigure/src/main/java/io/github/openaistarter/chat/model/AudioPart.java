package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An audio content part: {@code {"type": "input_audio", "input_audio": {"data": ...,
 * "format": ...}}}.
 *
 * @param inputAudio the audio
 * @param promptCacheBreakpoint marks the end of a prefix to cache, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AudioPart(@JsonProperty("input_audio") InputAudio inputAudio,
		@JsonProperty("prompt_cache_breakpoint") @Nullable PromptCacheBreakpoint promptCacheBreakpoint)
		implements
			ContentPart {

	static final String TYPE = "input_audio";

	/**
	 * Creates an audio part.
	 * @param inputAudio the audio
	 * @param promptCacheBreakpoint the cache breakpoint, or {@code null}
	 */
	public AudioPart {
		Assert.notNull(inputAudio, "inputAudio must not be null");
	}

	@Override
	public String type() {
		return TYPE;
	}

	/**
	 * Base64-encoded audio.
	 *
	 * @param data the audio bytes, base64-encoded
	 * @param format {@code wav} or {@code mp3}
	 */
	public record InputAudio(@JsonProperty("data") String data, @JsonProperty("format") String format) {

		/**
		 * Creates input audio.
		 * @param data the base64 data
		 * @param format the format
		 */
		public InputAudio {
			Assert.hasText(data, "data must not be empty");
			Assert.hasText(format, "format must not be empty");
		}

	}

}
