package io.github.openaistarter.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A chunked response body that sends its beginning at once and then stalls until
 * {@link #release() released}, optionally sending filler meanwhile (a
 * {@code : keep-alive} comment for event streams, a space for JSON). Writing filler lets
 * the server notice when the client has closed the connection: see
 * {@link #awaitDisconnect(Duration)}.
 */
final class StallingBody implements MockResponseBody {

	private static final long FILLER_INTERVAL_MILLIS = 25;

	private static final long MAX_STALL_MILLIS = 10_000;

	private final String beginning;

	private final String filler;

	private final CountDownLatch released = new CountDownLatch(1);

	private final CountDownLatch disconnected = new CountDownLatch(1);

	private StallingBody(String beginning, String filler) {
		this.beginning = beginning;
		this.filler = filler;
	}

	/**
	 * Sends the beginning, then nothing at all.
	 */
	static StallingBody silentAfter(String beginning) {
		return new StallingBody(beginning, "");
	}

	/**
	 * Sends the beginning of an event stream, then only keep-alive comments.
	 */
	static StallingBody keepAliveAfter(String beginning) {
		return new StallingBody(beginning, ": keep-alive\n\n");
	}

	/**
	 * Sends the beginning of a JSON document, then only whitespace.
	 */
	static StallingBody whitespaceAfter(String beginning) {
		return new StallingBody(beginning, " ");
	}

	MockResponse eventStream() {
		return response("text/event-stream; charset=utf-8");
	}

	MockResponse json() {
		return response("application/json");
	}

	private MockResponse response(String contentType) {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", contentType)
			.addHeader("x-request-id", "req_stalled_1")
			.body(this)
			.removeHeader("Content-Length")
			.addHeader("Transfer-Encoding", "chunked")
			.build();
	}

	void release() {
		this.released.countDown();
	}

	boolean awaitDisconnect(Duration timeout) throws InterruptedException {
		return this.disconnected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public long getContentLength() {
		return -1;
	}

	@Override
	public void writeTo(BufferedSink sink) throws IOException {
		try {
			writeChunk(sink, this.beginning);
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_STALL_MILLIS);
			while (!this.released.await(FILLER_INTERVAL_MILLIS, TimeUnit.MILLISECONDS)
					&& System.nanoTime() < deadline) {
				if (!this.filler.isEmpty()) {
					writeChunk(sink, this.filler);
				}
			}
		}
		catch (IOException ex) {
			this.disconnected.countDown();
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void writeChunk(BufferedSink sink, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		sink.writeHexadecimalUnsignedLong(bytes.length).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n");
		sink.flush();
	}

}
