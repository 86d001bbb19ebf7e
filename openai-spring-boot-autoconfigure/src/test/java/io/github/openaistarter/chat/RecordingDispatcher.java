package io.github.openaistarter.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link QueueDispatcher} that records when each request arrived, to measure the waits
 * between attempts. Unexpected requests get a 404 at once.
 */
final class RecordingDispatcher extends QueueDispatcher {

	private final List<Long> arrivalNanos = new CopyOnWriteArrayList<>();

	private final List<Instant> arrivalInstants = new CopyOnWriteArrayList<>();

	RecordingDispatcher() {
		setFailFast(true);
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
		this.arrivalNanos.add(System.nanoTime());
		this.arrivalInstants.add(Instant.now());
		return super.dispatch(request);
	}

	/**
	 * How many requests arrived.
	 */
	int arrivals() {
		return this.arrivalNanos.size();
	}

	/**
	 * The wall-clock time the request of the given attempt (1 for the first) arrived.
	 */
	Instant arrivedAt(int attempt) {
		return this.arrivalInstants.get(attempt - 1);
	}

	/**
	 * The time between the arrival of an attempt's request and the one before it.
	 */
	Duration gapBefore(int attempt) {
		assertThat(this.arrivalNanos).as("requests that arrived").hasSizeGreaterThanOrEqualTo(attempt);
		return Duration.ofNanos(this.arrivalNanos.get(attempt - 1) - this.arrivalNanos.get(attempt - 2));
	}

}
