package io.github.openaistarter.benchmarks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * The streams one client holds open, and what they received. A stream is opened through the client's own
 * asynchronous streaming API when it has one ({@link BenchClient#isAsyncStream()}), else its blocking
 * {@link BenchClient#stream} runs on a thread of its own: virtual when the JVM has them. A stream counts as open
 * from its first chunk until it ends or fails; every failure is counted, before or after the first chunk.
 */
final class OpenStreams {

	private final BenchClient client;

	private final ExecutorService threads;

	private final LongAdder chunks = new LongAdder();

	private final AtomicInteger asked = new AtomicInteger();

	private final AtomicInteger opened = new AtomicInteger();

	private final AtomicInteger endedUnopened = new AtomicInteger();

	private final AtomicInteger ended = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	private final AtomicReference<Throwable> firstError = new AtomicReference<>();

	/**
	 * Prepares to open streams of a client.
	 * @param client the client
	 */
	OpenStreams(BenchClient client) {
		this.client = client;
		this.threads = client.isAsyncStream() ? null : VirtualThreads.perTaskExecutor();
	}

	/**
	 * How the streams are opened, for the report.
	 * @return {@code async}, {@code virtual-threads} or {@code platform-threads}
	 */
	String api() {
		return this.client.isAsyncStream() ? "async" : VirtualThreads.available() ? "virtual-threads" : "platform-threads";
	}

	/**
	 * Opens one stream without waiting.
	 * @param onFirstChunk told once: the nanoseconds from this call to the stream's first chunk, or {@code -1} when
	 * the stream ended or failed before any
	 */
	void open(LongConsumer onFirstChunk) {
		this.asked.incrementAndGet();
		Listener listener = new Listener(System.nanoTime(), onFirstChunk);
		if (this.threads == null) {
			try {
				this.client.streamAsync(listener, listener::end);
			}
			catch (RuntimeException ex) {
				listener.end(ex);
			}
			return;
		}
		this.threads.execute(() -> {
			try {
				this.client.stream(listener);
				listener.end(null);
			}
			catch (RuntimeException ex) {
				listener.end(ex);
			}
		});
	}

	/**
	 * The streams open now: their first chunk received, not yet ended or failed.
	 * @return the count
	 */
	int open() {
		return this.opened.get() - this.ended.get();
	}

	/**
	 * The streams held now: open, or asked for and still waiting for their first chunk.
	 * @return the count
	 */
	int held() {
		return this.asked.get() - this.ended.get() - this.endedUnopened.get();
	}

	/**
	 * The chunks received so far, by every stream.
	 * @return the count
	 */
	long chunks() {
		return this.chunks.sum();
	}

	/**
	 * The streams that failed so far, before or after their first chunk.
	 * @return the count
	 */
	int failed() {
		return this.failed.get();
	}

	/**
	 * The first failure, for the report.
	 * @return its class name, or {@code none}
	 */
	String firstError() {
		Throwable error = this.firstError.get();
		return (error != null) ? error.getClass().getName() : "none";
	}

	/** One stream's chunks, told by the client one after another. */
	private final class Listener implements LongConsumer {

		private final long asked;

		private final LongConsumer onFirstChunk;

		private int received;

		Listener(long asked, LongConsumer onFirstChunk) {
			this.asked = asked;
			this.onFirstChunk = onFirstChunk;
		}

		@Override
		public void accept(long created) {
			if (this.received++ == 0) {
				OpenStreams.this.opened.incrementAndGet();
				this.onFirstChunk.accept(System.nanoTime() - this.asked);
			}
			OpenStreams.this.chunks.increment();
		}

		void end(Throwable error) {
			if (error != null) {
				OpenStreams.this.failed.incrementAndGet();
				if (OpenStreams.this.firstError.compareAndSet(null, error)) {
					System.err.println("first stream failure: " + error);
				}
			}
			if (this.received > 0) {
				OpenStreams.this.ended.incrementAndGet();
			}
			else {
				OpenStreams.this.endedUnopened.incrementAndGet();
				this.onFirstChunk.accept(-1);
			}
		}

	}

}
