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
		return isDone(this.data, 0, this.data.length);
	}

	/** Whether the data in {@code data[offset, offset + length)} is {@code [DONE]}. */
	static boolean isDone(byte[] data, int offset, int length) {
		return Arrays.equals(data, offset, offset + length, DONE, 0, DONE.length);
	}

	String dataAsText() {
		return new String(this.data, StandardCharsets.UTF_8);
	}

}
