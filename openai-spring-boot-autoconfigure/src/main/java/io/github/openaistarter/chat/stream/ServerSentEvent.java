package io.github.openaistarter.chat.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * One server-sent event: its optional {@code event} name and its {@code data}, as raw
 * UTF-8 bytes so JSON can be parsed without an intermediate string.
 *
 * @param event the {@code event:} field, or {@code null}
 * @param data the {@code data:} lines joined with {@code \n}
 */
record ServerSentEvent(@Nullable String event, byte[] data) {

	private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

	/** Whether this is OpenAI's end-of-stream marker, {@code data: [DONE]}. */
	boolean isDone() {
		return Arrays.equals(this.data, DONE);
	}

	String dataAsText() {
		return new String(this.data, StandardCharsets.UTF_8);
	}

}
