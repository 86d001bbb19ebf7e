package io.github.openaistarter.chat.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Splits a {@code text/event-stream} body into {@link ServerSentEvent}s, across buffer boundaries. Lines end
 * with LF or CRLF; {@code :} comments and fields other than {@code data} and {@code event} are skipped; an
 * event is dispatched at its blank line. At the end of the body, an event whose lines are complete but which
 * lacks its blank line is still dispatched (lenient servers end with {@code data: [DONE]\n}), while a line cut
 * off before its end is dropped. One instance per stream; not thread-safe.
 */
final class ServerSentEventParser {

	/** The largest event accepted; a bigger one fails the stream rather than filling the memory. */
	static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;

	private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

	private final ByteArrayOutputStream data = new ByteArrayOutputStream(1024);

	private boolean hasData;

	private @Nullable String event;

	/**
	 * Feeds one buffer of the body and releases it.
	 * @param buffer the next bytes
	 * @return the events completed by these bytes
	 */
	List<ServerSentEvent> feed(DataBuffer buffer) {
		List<ServerSentEvent> events = new ArrayList<>(2);
		try {
			int end = buffer.writePosition();
			for (int i = buffer.readPosition(); i < end; i++) {
				byte b = buffer.getByte(i);
				if (b == '\n') {
					endLine(events);
				}
				else {
					this.line.write(b);
					checkSize(this.line.size());
				}
			}
		}
		finally {
			DataBufferUtils.release(buffer);
		}
		return events;
	}

	/**
	 * Ends the body: dispatches an event whose lines are all complete but whose blank line never came.
	 * @return that event, or nothing
	 */
	List<ServerSentEvent> finish() {
		List<ServerSentEvent> events = new ArrayList<>(1);
		this.line.reset();
		dispatch(events);
		return events;
	}

	private void endLine(List<ServerSentEvent> events) {
		byte[] bytes = this.line.toByteArray();
		this.line.reset();
		int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
		if (length == 0) {
			dispatch(events);
			return;
		}
		if (bytes[0] == ':') {
			return;
		}
		int colon = indexOf(bytes, length, (byte) ':');
		String field = new String(bytes, 0, (colon < 0) ? length : colon, StandardCharsets.UTF_8);
		int valueStart = (colon < 0) ? length : colon + 1;
		if (valueStart < length && bytes[valueStart] == ' ') {
			valueStart++;
		}
		if ("data".equals(field)) {
			if (this.hasData) {
				this.data.write('\n');
			}
			this.data.write(bytes, valueStart, length - valueStart);
			checkSize(this.data.size());
			this.hasData = true;
		}
		else if ("event".equals(field)) {
			this.event = new String(bytes, valueStart, length - valueStart, StandardCharsets.UTF_8);
		}
	}

	private static void checkSize(int size) {
		if (size > MAX_EVENT_BYTES) {
			throw new DataBufferLimitException("A stream event exceeds " + MAX_EVENT_BYTES + " bytes");
		}
	}

	private void dispatch(List<ServerSentEvent> events) {
		if (this.hasData) {
			events.add(new ServerSentEvent(this.event, this.data.toByteArray()));
		}
		this.data.reset();
		this.hasData = false;
		this.event = null;
	}

	private static int indexOf(byte[] bytes, int length, byte target) {
		for (int i = 0; i < length; i++) {
			if (bytes[i] == target) {
				return i;
			}
		}
		return -1;
	}

}
