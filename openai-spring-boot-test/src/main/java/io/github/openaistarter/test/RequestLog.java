package io.github.openaistarter.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The requests received, in order, and those not taken yet. Thread-safe.
 */
final class RequestLog {

	static final Duration TAKE_TIMEOUT = Duration.ofSeconds(10);

	private final List<RecordedRequest> all = new ArrayList<>();

	private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();

	void add(RecordedRequest request) {
		synchronized (this.all) {
			this.all.add(request);
		}
		this.untaken.add(request);
	}

	List<RecordedRequest> all() {
		synchronized (this.all) {
			return List.copyOf(this.all);
		}
	}

	RecordedRequest take() {
		try {
			RecordedRequest request = this.untaken.poll(TAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (request == null) {
				throw new IllegalStateException("No request arrived within " + TAKE_TIMEOUT.toSeconds() + " seconds");
			}
			return request;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a request", ex);
		}
	}

	RecordedRequest last() {
		synchronized (this.all) {
			if (this.all.isEmpty()) {
				throw new IllegalStateException("No request has been received yet");
			}
			return this.all.get(this.all.size() - 1);
		}
	}

	void clear() {
		synchronized (this.all) {
			this.all.clear();
			this.untaken.clear();
		}
	}

}
