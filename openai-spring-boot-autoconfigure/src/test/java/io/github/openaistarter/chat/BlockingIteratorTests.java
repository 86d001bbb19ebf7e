package io.github.openaistarter.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.publisher.TestPublisher;

import io.github.openaistarter.core.OpenAiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The blocking reader of a flux behind every blocking stream: every item in order, the
 * items before a failure before the failure, demand bounded by the prefetch, close and
 * interruption cancelling the flux, and no lost wake-up between a producer thread and the
 * reader.
 */
@Timeout(30)
class BlockingIteratorTests {

	@Test
	void handsOutEveryItemInOrderThenEnds() {
		try (Stream<Integer> items = BlockingStreams.toStream(Flux.range(1, 1000))) {
			assertThat(items.toList()).containsExactlyElementsOf(IntStream.rangeClosed(1, 1000).boxed().toList());
		}
	}

	@Test
	void handsOutItemsThatArrivedBeforeAFailureThenThrowsIt() {
		IllegalStateException failure = new IllegalStateException("broken stream");
		List<String> read = new ArrayList<>();
		try (Stream<String> items = BlockingStreams
			.toStream(Flux.just("a", "b", "c").concatWith(Flux.error(failure)))) {
			assertThatThrownBy(() -> items.forEach(read::add)).isSameAs(failure);
		}
		assertThat(read).containsExactly("a", "b", "c");
	}

	@Test
	void wrapsACheckedFailure() {
		try (Stream<String> items = BlockingStreams.toStream(Flux.error(new IOException("reset")))) {
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(items::toList)
				.withCauseExactlyInstanceOf(IOException.class);
		}
	}

	@Test
	void requestsNoMoreThanThePrefetchAheadOfTheReader() {
		TestPublisher<Integer> source = TestPublisher.create();
		try (Stream<Integer> items = BlockingStreams.toStream(source.flux())) {
			source.assertMinRequested(BlockingStreams.PREFETCH);
			IntStream.range(0, BlockingStreams.PREFETCH).forEach(source::next);
			source.assertMaxRequested(0);

			var iterator = items.iterator();
			for (int i = 0; i < BlockingStreams.PREFETCH * 3 / 4; i++) {
				assertThat(iterator.next()).isEqualTo(i);
			}
			source.assertMinRequested(BlockingStreams.PREFETCH * 3 / 4);
			source.assertMaxRequested(BlockingStreams.PREFETCH * 3 / 4);
		}
		source.assertCancelled();
	}

	@Test
	void closingCancelsTheFluxAndEndsTheItems() {
		TestPublisher<Integer> source = TestPublisher.create();
		Stream<Integer> items = BlockingStreams.toStream(source.flux());
		var iterator = items.iterator();
		source.next(1, 2);
		assertThat(iterator.next()).isEqualTo(1);

		items.close();

		source.assertCancelled();
		assertThat(iterator.hasNext()).isFalse();
	}

	@Test
	void closingFromAnotherThreadWakesAParkedReader() throws InterruptedException {
		Sinks.Many<Integer> source = Sinks.many().unicast().onBackpressureBuffer();
		Stream<Integer> items = BlockingStreams.toStream(source.asFlux());
		AtomicBoolean ended = new AtomicBoolean();
		Thread reader = start(() -> ended.set(!items.iterator().hasNext()));
		awaitParked(reader);

		items.close();

		reader.join(10_000);
		assertThat(ended).isTrue();
		assertThat(source.currentSubscriberCount()).isZero();
	}

	@Test
	void anInterruptedReaderCancelsTheFluxAndKeepsItsInterruptFlag() throws InterruptedException {
		TestPublisher<Integer> source = TestPublisher.create();
		Stream<Integer> items = BlockingStreams.toStream(source.flux());
		List<Object> outcome = new CopyOnWriteArrayList<>();
		Thread reader = start(() -> {
			try {
				items.iterator().hasNext();
			}
			catch (RuntimeException ex) {
				outcome.add(ex);
				outcome.add(Thread.currentThread().isInterrupted());
			}
		});
		awaitParked(reader);

		reader.interrupt();
		reader.join(10_000);

		assertThat(outcome).hasSize(2);
		assertThat(outcome.get(0)).isInstanceOfSatisfying(OpenAiException.class,
				(ex) -> assertThat(ex).hasMessage("The OpenAI call was interrupted; its HTTP exchange was cancelled")
					.hasCauseInstanceOf(InterruptedException.class));
		assertThat(outcome.get(1)).isEqualTo(true);
		source.assertCancelled();
	}

	@Test
	void aProducerOnAnotherThreadNeverLeavesTheReaderParked() {
		// items published one by one on a scheduler thread while the reader drains and
		// parks in
		// between: a lost wake-up would hang the reader, and the timeout would fail the
		// test
		int count = 200_000;
		Flux<Integer> published = Flux.range(0, count).publishOn(Schedulers.single(), 1);
		try (Stream<Integer> items = BlockingStreams.toStream(published)) {
			long[] sum = new long[1];
			items.forEach((item) -> sum[0] += item);
			assertThat(sum[0]).isEqualTo((long) count * (count - 1) / 2);
		}
	}

	@Test
	void overflowingTheQueueFailsTheReaderRatherThanDroppingItems() {
		TestPublisher<Integer> source = TestPublisher.createNoncompliant(TestPublisher.Violation.REQUEST_OVERFLOW);
		try (Stream<Integer> items = BlockingStreams.toStream(source.flux())) {
			IntStream.range(0, BlockingStreams.PREFETCH + 1).forEach(source::next);
			var iterator = items.iterator();
			for (int i = 0; i < BlockingStreams.PREFETCH; i++) {
				iterator.next();
			}
			assertThatIllegalStateException().isThrownBy(iterator::hasNext)
				.withMessageContaining("more items arrived than the blocking reader requested");
		}
	}

	private static Thread start(Runnable reading) {
		Thread reader = new Thread(reading, "blocking-reader");
		reader.start();
		return reader;
	}

	private static void awaitParked(Thread reader) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (reader.getState() != Thread.State.WAITING) {
			assertThat(System.nanoTime()).as("the reader parked, it is %s", reader.getState()).isLessThan(deadline);
			Thread.sleep(2);
		}
	}

}
