package io.github.openaistarter.core;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared timer wheel runs a task after its delay, on its own thread, where Reactor
 * refuses to block, and never runs a task disposed before then.
 */
class TimeoutWheelTests {

	@Test
	void runsATaskAfterItsDelayOnTheWheelsThread() throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		AtomicReference<String> thread = new AtomicReference<>();
		long start = System.nanoTime();
		TimeoutWheel.schedule(() -> {
			thread.set(Thread.currentThread().getName());
			ran.countDown();
		}, Duration.ofMillis(50));
		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
		assertThat(thread.get()).startsWith("openai-timeout");
	}

	@Test
	void refusesToBlockOnTheWheelsThreadAsReactorsParallelThreadsDo() throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		AtomicReference<Throwable> blocked = new AtomicReference<>();
		TimeoutWheel.schedule(() -> {
			try {
				Mono.delay(Duration.ofMillis(1)).block();
			}
			catch (Throwable ex) {
				blocked.set(ex);
			}
			ran.countDown();
		}, Duration.ofMillis(10));
		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(blocked.get()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("not supported in thread openai-timeout");
	}

	@Test
	void neverRunsATaskDisposedBeforeItsDelay() throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		Disposable task = TimeoutWheel.schedule(ran::countDown, Duration.ofMillis(50));
		assertThat(task.isDisposed()).isFalse();
		task.dispose();
		assertThat(task.isDisposed()).isTrue();
		// a task scheduled after it, for as long, runs: the wheel has turned past both
		CountDownLatch later = new CountDownLatch(1);
		TimeoutWheel.schedule(later::countDown, Duration.ofMillis(50));
		assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(ran.getCount()).isOne();
	}

}
