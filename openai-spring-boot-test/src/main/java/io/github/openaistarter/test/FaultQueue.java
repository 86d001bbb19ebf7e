package io.github.openaistarter.test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The faults queued by the test, each with the matching requests it has left.
 * Thread-safe.
 */
final class FaultQueue {

	private final List<Pending> pending = new ArrayList<>();

	synchronized void add(Fault fault) {
		this.pending.add(new Pending(fault, fault.times()));
	}

	/**
	 * Takes the first queued fault that matches a request, spending one of its times.
	 * @param method the request method
	 * @param apiPath the path below the base URL
	 * @param streaming whether the request asks for a stream
	 * @return the fault, or {@code null} when none matches
	 */
	synchronized @Nullable Fault take(String method, String apiPath, boolean streaming) {
		Iterator<Pending> iterator = this.pending.iterator();
		while (iterator.hasNext()) {
			Pending next = iterator.next();
			if (next.fault.matches(method, apiPath, streaming)) {
				if (--next.remaining == 0) {
					iterator.remove();
				}
				return next.fault;
			}
		}
		return null;
	}

	synchronized void clear() {
		this.pending.clear();
	}

	private static final class Pending {

		private final Fault fault;

		private int remaining;

		Pending(Fault fault, int remaining) {
			this.fault = fault;
			this.remaining = remaining;
		}

	}

}
