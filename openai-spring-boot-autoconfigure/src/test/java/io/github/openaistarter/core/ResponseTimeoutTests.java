package io.github.openaistarter.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResponseTimeout}: on a timer the test fires by hand, so that each
 * order of answer and timeout is played exactly; then once on the shared wheel. The
 * timeout tests over HTTP cover it end to end.
 */
class ResponseTimeoutTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ManualTimer timer = new ManualTimer();

	private final Sinks.One<String> answer = Sinks.one();

	@Test
	void anAnswerWithinTheTimeoutPassesAndCancelsTheTimeout() {
		StepVerifier.create(timed())
			.then(() -> assertThat(this.timer.armed()).hasSize(1))
			.then(() -> this.answer.tryEmitValue("a"))
			.expectNext("a")
			.verifyComplete();
		assertThat(this.timer.only().isCancelled()).isTrue();
		assertThat(this.timer.only().delayNanos).isEqualTo(TIMEOUT.toNanos());
	}

	@Test
	void noAnswerWithinTheTimeoutFailsTheCallAndCancelsItsSource() {
		StepVerifier.create(timed())
			.then(() -> this.timer.only().fire())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TimeoutException.class).hasMessage("late"))
			.verify(Duration.ofSeconds(5));
		assertThat(this.answer.currentSubscriberCount()).isZero();
	}

	@Test
	void anAnswerAfterTheTimeoutIsDropped() {
		List<Object> signals = new ArrayList<>();
		timed().subscribe(signals::add, signals::add);
		this.timer.only().fire();
		this.answer.tryEmitValue("late answer");
		assertThat(signals).singleElement().isInstanceOf(TimeoutException.class);
	}

	@Test
	void aTimeoutAfterTheAnswerIsIgnored() {
		List<Object> signals = new ArrayList<>();
		timed().subscribe(signals::add, signals::add, () -> signals.add("complete"));
		this.answer.tryEmitValue("a");
		this.timer.only().fire();
		assertThat(signals).containsExactly("a", "complete");
	}

	@Test
	void anEmptyAnswerCompletesAndCancelsTheTimeout() {
		StepVerifier.create(timed()).then(this.answer::tryEmitEmpty).verifyComplete();
		assertThat(this.timer.only().isCancelled()).isTrue();
	}

	@Test
	void aFailurePassesAndCancelsTheTimeout() {
		StepVerifier.create(timed())
			.then(() -> this.answer.tryEmitError(new IllegalStateException("boom")))
			.verifyErrorMessage("boom");
		assertThat(this.timer.only().isCancelled()).isTrue();
	}

	@Test
	void cancellingCancelsTheSourceAndTheTimeout() {
		Disposable call = timed().subscribe();
		assertThat(this.timer.only().isCancelled()).isFalse();
		call.dispose();
		assertThat(this.answer.currentSubscriberCount()).isZero();
		assertThat(this.timer.only().isCancelled()).isTrue();
		// the timeout no longer fails anyone
		this.timer.only().fire();
	}

	@Test
	void aSynchronousAnswerLeavesNoTimeoutArmed() {
		StepVerifier.create(Mono.just("now").transform(ResponseTimeout.of(TIMEOUT, this::late, this.timer)))
			.expectNext("now")
			.verifyComplete();
		assertThat(this.timer.armed()).isEmpty();
	}

	@Test
	void theSharedWheelFailsACallThatNeverAnswers() {
		StepVerifier.create(Mono.never().transform(ResponseTimeout.of(Duration.ofMillis(50), this::late)))
			.expectErrorMessage("late")
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void theSharedWheelLetsAnAnswerWithinTheTimeoutPass() {
		StepVerifier.create(Mono.delay(Duration.ofMillis(20)).transform(ResponseTimeout.of(TIMEOUT, this::late)))
			.expectNext(0L)
			.verifyComplete();
	}

	private Mono<String> timed() {
		return this.answer.asMono().transform(ResponseTimeout.of(TIMEOUT, this::late, this.timer));
	}

	private TimeoutException late() {
		return new TimeoutException("late");
	}

	/** A timer whose timeouts fire when the test says. */
	private static final class ManualTimer implements Timer {

		private final List<ManualTimeout> armed = new ArrayList<>();

		@Override
		public synchronized Timeout newTimeout(TimerTask task, long delay, TimeUnit unit) {
			ManualTimeout timeout = new ManualTimeout(this, task, unit.toNanos(delay));
			this.armed.add(timeout);
			return timeout;
		}

		@Override
		public Set<Timeout> stop() {
			return Set.of();
		}

		synchronized List<ManualTimeout> armed() {
			return List.copyOf(this.armed);
		}

		ManualTimeout only() {
			assertThat(armed()).hasSize(1);
			return armed().get(0);
		}

	}

	private static final class ManualTimeout implements Timeout {

		private final Timer timer;

		private final TimerTask task;

		final long delayNanos;

		private volatile boolean cancelled;

		ManualTimeout(Timer timer, TimerTask task, long delayNanos) {
			this.timer = timer;
			this.task = task;
			this.delayNanos = delayNanos;
		}

		/** Runs the task, as the timer would, unless cancelled. */
		void fire() {
			if (!this.cancelled) {
				try {
					this.task.run(this);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
		}

		@Override
		public Timer timer() {
			return this.timer;
		}

		@Override
		public TimerTask task() {
			return this.task;
		}

		@Override
		public boolean isExpired() {
			return false;
		}

		@Override
		public boolean isCancelled() {
			return this.cancelled;
		}

		@Override
		public boolean cancel() {
			this.cancelled = true;
			return true;
		}

	}

}
