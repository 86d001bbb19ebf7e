package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Audio the assistant answered with (when {@code modalities} include {@code audio}). When
 * the message is sent back in a conversation, only the {@link #id()} is sent.
 *
 * @param id the audio id, to refer to it in later turns
 * @param expiresAt when the audio expires on OpenAI's side (Unix seconds)
 * @param data the audio bytes, base64-encoded, in the requested format
 * @param transcript the transcript of the audio
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssistantAudio(@JsonProperty("id") String id, @JsonProperty("expires_at") @Nullable Long expiresAt,
		@JsonProperty("data") @Nullable String data, @JsonProperty("transcript") @Nullable String transcript) {

	/**
	 * Refers to earlier audio by id.
	 * @param id the audio id
	 * @return the reference
	 */
	public static AssistantAudio ofId(String id) {
		return new AssistantAudio(id, null, null, null);
	}

}
