package io.github.openaistarter.chat.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.util.Assert;

/**
 * Audio output settings ({@code audio}), used with {@code modalities: ["text", "audio"]}.
 *
 * @param voice a built-in voice name ({@code alloy}, {@code ash}, {@code coral},
 * {@code marin}, ...) as a {@code String}, or a custom voice as {@code {"id": ...}}
 * @param format {@code wav}, {@code aac}, {@code mp3}, {@code flac}, {@code opus} or
 * {@code pcm16}
 */
public record AudioOutput(@JsonProperty("voice") Object voice, @JsonProperty("format") String format) {

	/**
	 * Creates audio settings.
	 * @param voice the voice
	 * @param format the format
	 */
	public AudioOutput {
		Assert.notNull(voice, "voice must not be null");
		Assert.hasText(format, "format must not be empty");
	}

	/**
	 * Audio in a built-in voice.
	 * @param voice the voice name
	 * @param format the audio format
	 * @return the settings
	 */
	public static AudioOutput of(String voice, String format) {
		Assert.hasText(voice, "voice must not be empty");
		return new AudioOutput(voice, format);
	}

	/**
	 * Audio in a custom voice.
	 * @param voiceId the custom voice id
	 * @param format the audio format
	 * @return the settings
	 */
	public static AudioOutput customVoice(String voiceId, String format) {
		Assert.hasText(voiceId, "voiceId must not be empty");
		return new AudioOutput(Map.of("id", voiceId), format);
	}

}
