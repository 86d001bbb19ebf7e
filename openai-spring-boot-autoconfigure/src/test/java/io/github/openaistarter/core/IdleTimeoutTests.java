package io.github.openaistarter.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IdleTimeout}: on virtual time, so the waits are exact and instant. The
 * stream timeout tests over HTTP cover it end to end.
 */
class IdleTimeoutTests {

	private static final Duration FIRST = Duration.ofSeconds(10);

	private static final Duration IDLE = Duration.ofSeconds(2);

	private final VirtualTimeScheduler timer = VirtualTimeScheduler.create();

	private final Sinks.Many<String> items = Sinks.many().unicast().onBackpressureBuffer();

	@AfterEach
	void disposeTimer() {
		this.timer.dispose();
	}

	@Test
	void aFirstItemLaterThanTheFirstTimeoutFailsTheStream() {
		StepVerifier.withVirtualTime(this::timed, () -> this.timer, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(FIRST.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorMessage("first")
			.verify(Duration.ofSeconds(5));
		assertThat(this.items.currentSubscriberCount()).isZero();
	}

	@Test
	void itemsWithinTheIdleTimeoutKeepTheStreamOpenAsLongAsTheyCome() {
		StepVerifier.withVirtualTime(this::timed, () -> this.timer, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(FIRST.minusSeconds(1))
			.then(() -> this.items.tryEmitNext("a"))
			.expectNext("a")
			// past the first timeout, but each wait is shorter than the idle timeout
			.thenAwait(IDLE.minusMillis(1))
			.then(() -> this.items.tryEmitNext("b"))
			.expectNext("b")
			.thenAwait(IDLE.minusMillis(1))
			.then(() -> this.items.tryEmitNext("c"))
			.expectNext("c")
			.thenAwait(IDLE.minusMillis(1))
			.then(this.items::tryEmitComplete)
			.verifyComplete();
	}

	@Test
	void aPauseLongerThanTheIdleTimeoutAfterAnItemFailsTheStreamAndCancelsTheSource() {
		StepVerifier.withVirtualTime(this::timed, () -> this.timer, Long.MAX_VALUE)
			.expectSubscription()
			.then(() -> this.items.tryEmitNext("a"))
			.expectNext("a")
			.expectNoEvent(IDLE.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorMessage("idle")
			.verify(Duration.ofSeconds(5));
		assertThat(this.items.currentSubscriberCount()).isZero();
		assertThat(this.items.tryEmitNext("late")).isNotEqualTo(Sinks.EmitResult.OK);
	}

	@Test
	void aCompletedOrCancelledStreamLeavesNoTimerArmed() {
		StepVerifier.withVirtualTime(this::timed, () -> this.timer, Long.MAX_VALUE)
			.expectSubscription()
			.then(() -> this.items.tryEmitNext("a"))
			.expectNext("a")
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(this.items.currentSubscriberCount()).isZero();
		// a source that completes: the timer, on a scheduler of its own, never fires
		// after
		VirtualTimeScheduler other = VirtualTimeScheduler.create();
		List<Object> signals = new ArrayList<>();
		Flux.just("x")
			.transform(IdleTimeout.of(FIRST, IDLE, () -> new TimeoutException("first"),
					() -> new TimeoutException("idle"), other, () -> other.now(TimeUnit.NANOSECONDS)))
			.subscribe(signals::add, signals::add, () -> signals.add("complete"));
		other.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(signals).containsExactly("x", "complete");
		other.dispose();
	}

	@Test
	void oneTimerTaskServesAStreamOfManyItems() {
		StepVerifier.withVirtualTime(this::timed, () -> this.timer, Long.MAX_VALUE).expectSubscription().then(() -> {
			for (int i = 0; i < 1000; i++) {
				this.items.tryEmitNext("chunk");
			}
		})
			.expectNextCount(1000)
			// one task for the first item, one for the rest
			.then(() -> assertThat(this.timer.getScheduledTaskCount()).isEqualTo(2))
			.then(this.items::tryEmitComplete)
			.verifyComplete();
	}

	private Flux<String> timed() {
		return this.items.asFlux()
			.transform(IdleTimeout.of(FIRST, IDLE, () -> new TimeoutException("first"),
					() -> new TimeoutException("idle"), this.timer, () -> this.timer.now(TimeUnit.NANOSECONDS)));
	}

}
