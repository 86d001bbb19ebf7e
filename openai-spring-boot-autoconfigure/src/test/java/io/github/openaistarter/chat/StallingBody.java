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
 * A chunked {@code text/event-stream} body that sends its first events at once and then stalls until
 * {@link #release() released}, optionally sending {@code : keep-alive} comments meanwhile. The comments let the
 * server notice when the client has closed the connection: see {@link #awaitDisconnect(Duration)}.
 */
final class StalledEventStream implements MockResponseBody {

	private static final long KEEP_ALIVE_MILLIS = 25;

	private static final long MAX_STALL_MILLIS = 10_000;

	private final String firstEvents;

	private final boolean keepAlive;

	private final CountDownLatch released = new CountDownLatch(1);

	private final CountDownLatch disconnected = new CountDownLatch(1);

	private StalledEventStream(String firstEvents, boolean keepAlive) {
		this.firstEvents = firstEvents;
		this.keepAlive = keepAlive;
	}

	/**
	 * Sends the first events, then nothing at all.
	 */
	static StalledEventStream silentAfter(String firstEvents) {
		return new StalledEventStream(firstEvents, false);
	}

	/**
	 * Sends the first events, then only keep-alive comments.
	 */
	static StalledEventStream keepAliveAfter(String firstEvents) {
		return new StalledEventStream(firstEvents, true);
	}

	MockResponse response() {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/event-stream; charset=utf-8")
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
			writeChunk(sink, this.firstEvents);
			long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_STALL_MILLIS);
			while (!this.released.await(KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
				if (this.keepAlive) {
					writeChunk(sink, ": keep-alive\n\n");
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
