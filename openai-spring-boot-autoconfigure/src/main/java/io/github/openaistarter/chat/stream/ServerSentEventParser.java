package io.github.openaistarter.chat.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Splits a {@code text/event-stream} body into {@link ServerSentEvent}s, across buffer
 * boundaries. Lines end with LF or CRLF; {@code :} comments and fields other than
 * {@code data} and {@code event} are skipped; an event is dispatched at its blank line.
 * At the end of the body, an event whose lines are complete but which lacks its blank
 * line is still dispatched (lenient servers end with {@code data: [DONE]\n}), while a
 * line cut off before its end is dropped. One instance per stream; not thread-safe.
 *
 * <p>
 * Each buffer is copied once, in bulk, after the line it continues; lines are then read
 * in place, and an event of one data line (OpenAI's are) is handed to the listener in
 * place too, so a chunk costs one copy of its bytes.
 */
final class ServerSentEventParser {

	/**
	 * The largest event accepted; a bigger one fails the stream rather than filling the
	 * memory.
	 */
	static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;

	private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);

	/**
	 * The bytes not yet split into lines: the start of a line that continues in the next
	 * buffer.
	 */
	private byte[] pending = new byte[1024];

	private int pendingLength;

	/** The data of an event of several data lines, or of one kept across buffers. */
	private byte[] data = new byte[1024];

	private int dataLength;

	private boolean hasData;

	/**
	 * Whether the event's data is its one data line, still in place in
	 * {@code pending[dataStart, dataStart + dataLength)}: the usual case, handed out
	 * without a copy.
	 */
	private boolean dataInPlace;

	private int dataStart;

	private @Nullable String event;

	/**
	 * Feeds one buffer of the body, releases it, and tells the listener each event it
	 * completes.
	 * @param buffer the next bytes
	 * @param listener told each event; the data it is given is valid during the call only
	 */
	void feed(DataBuffer buffer, Listener listener) {
		int scanFrom = this.pendingLength;
		try {
			int readable = buffer.readableByteCount();
			this.pending = ensureCapacity(this.pending, this.pendingLength, readable);
			buffer.read(this.pending, this.pendingLength, readable);
			this.pendingLength += readable;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
		int lineStart = 0;
		for (int i = scanFrom; i < this.pendingLength; i++) {
			if (this.pending[i] == '\n') {
				line(lineStart, i, listener);
				lineStart = i + 1;
			}
		}
		if (lineStart > 0) {
			// the lines read are dropped: data still pointing at them is copied first
			keepData();
			System.arraycopy(this.pending, lineStart, this.pending, 0, this.pendingLength - lineStart);
			this.pendingLength -= lineStart;
		}
		checkSize(this.pendingLength);
	}

	/**
	 * Feeds one buffer of the body and releases it.
	 * @param buffer the next bytes
	 * @return the events completed by these bytes, with copies of their data
	 */
	List<ServerSentEvent> feed(DataBuffer buffer) {
		List<ServerSentEvent> events = new ArrayList<>(2);
		feed(buffer, collectInto(events));
		return events;
	}

	/**
	 * Ends the body: dispatches an event whose lines are all complete but whose blank
	 * line never came.
	 * @param listener told that event, if any
	 */
	void finish(Listener listener) {
		keepData();
		this.pendingLength = 0;
		dispatch(listener);
	}

	/**
	 * Ends the body, as {@link #finish(Listener)}.
	 * @return that event, or nothing
	 */
	List<ServerSentEvent> finish() {
		List<ServerSentEvent> events = new ArrayList<>(1);
		finish(collectInto(events));
		return events;
	}

	private static Listener collectInto(List<ServerSentEvent> events) {
		return (event, data, offset, length) -> events
			.add(new ServerSentEvent(event, Arrays.copyOfRange(data, offset, offset + length)));
	}

	/** Handles the line in {@code pending[start, end)}, its LF excluded. */
	private void line(int start, int end, Listener listener) {
		byte[] bytes = this.pending;
		checkSize(end - start);
		int length = ((end > start) && bytes[end - 1] == '\r') ? end - 1 - start : end - start;
		if (length == 0) {
			dispatch(listener);
			return;
		}
		if (bytes[start] == ':') {
			return;
		}
		int lineEnd = start + length;
		int colon = indexOf(bytes, start, lineEnd, (byte) ':');
		int fieldEnd = (colon < 0) ? lineEnd : colon;
		int valueStart = (colon < 0) ? lineEnd : colon + 1;
		if (valueStart < lineEnd && bytes[valueStart] == ' ') {
			valueStart++;
		}
		if (equals(bytes, start, fieldEnd, DATA)) {
			int valueLength = lineEnd - valueStart;
			if (!this.hasData) {
				this.hasData = true;
				this.dataInPlace = true;
				this.dataStart = valueStart;
				this.dataLength = valueLength;
				return;
			}
			keepData();
			this.data = ensureCapacity(this.data, this.dataLength, valueLength + 1);
			this.data[this.dataLength++] = '\n';
			System.arraycopy(bytes, valueStart, this.data, this.dataLength, valueLength);
			this.dataLength += valueLength;
			checkSize(this.dataLength);
		}
		else if (equals(bytes, start, fieldEnd, EVENT)) {
			this.event = new String(bytes, valueStart, lineEnd - valueStart, StandardCharsets.UTF_8);
		}
	}

	/** Copies data still in place in {@code pending} into {@code data}. */
	private void keepData() {
		if (this.dataInPlace) {
			this.data = ensureCapacity(this.data, 0, this.dataLength);
			System.arraycopy(this.pending, this.dataStart, this.data, 0, this.dataLength);
			this.dataInPlace = false;
		}
	}

	private static void checkSize(int size) {
		if (size > MAX_EVENT_BYTES) {
			throw new DataBufferLimitException("A stream event exceeds " + MAX_EVENT_BYTES + " bytes");
		}
	}

	private void dispatch(Listener listener) {
		if (this.hasData) {
			String name = this.event;
			int start = this.dataInPlace ? this.dataStart : 0;
			byte[] bytes = this.dataInPlace ? this.pending : this.data;
			int length = this.dataLength;
			this.dataLength = 0;
			this.hasData = false;
			this.dataInPlace = false;
			this.event = null;
			listener.event(name, bytes, start, length);
			return;
		}
		this.dataLength = 0;
		this.event = null;
	}

	private static byte[] ensureCapacity(byte[] array, int length, int more) {
		return (length + more <= array.length) ? array
				: Arrays.copyOf(array, Math.max(array.length * 2, length + more));
	}

	private static boolean equals(byte[] bytes, int start, int end, byte[] name) {
		return Arrays.equals(bytes, start, end, name, 0, name.length);
	}

	private static int indexOf(byte[] bytes, int start, int end, byte target) {
		for (int i = start; i < end; i++) {
			if (bytes[i] == target) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Told each event as it completes.
	 */
	@FunctionalInterface
	interface Listener {

		/**
		 * An event completed.
		 * @param event its name, or {@code null} for an unnamed event
		 * @param data an array holding its data, valid during this call only
		 * @param offset where the data starts
		 * @param length how long the data is
		 */
		void event(@Nullable String event, byte[] data, int offset, int length);

	}

}
