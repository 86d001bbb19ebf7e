package io.github.openaistarter.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import reactor.core.Disposable;
import reactor.core.scheduler.NonBlocking;

/**
 * The one timer wheel behind the starter's timeouts: a call's wait for its answer, and a
 * call's wait for a connection of the pool. Reactor's schedulers put each timeout in a
 * {@code ScheduledThreadPoolExecutor}, whose queue every call locks twice (to arm and to
 * cancel) and whose threads it wakes; at 1,000 calls in flight that was about one CPU
 * sample in eight. Here arming and cancelling are a few atomic operations; the wheel's
 * own daemon thread ({@code openai-timeout}, started with the first timeout) sorts the
 * timeouts, and fires them up to one tick ({@value #TICK_MILLIS} ms) late. That thread is
 * {@link NonBlocking}, as Reactor's parallel threads are: a {@code block()} in what a
 * timeout runs fails there, rather than stalling every other timeout.
 */
final class TimeoutWheel {

	/** How late a timeout may fire, at most, in milliseconds. */
	static final long TICK_MILLIS = 10;

	private TimeoutWheel() {
	}

	/**
	 * The shared wheel.
	 * @return the timer
	 */
	static Timer timer() {
		return Holder.TIMER;
	}

	/**
	 * Runs a task on the shared wheel after a delay, unless disposed first: the shape of
	 * Reactor Netty's {@code pendingAcquireTimer}.
	 * @param task the task, run on the wheel's thread
	 * @param delay the delay
	 * @return what cancels the task
	 */
	static Disposable schedule(Runnable task, Duration delay) {
		Timeout timeout = Holder.TIMER.newTimeout((fired) -> task.run(), delay.toNanos(), TimeUnit.NANOSECONDS);
		return new Disposable() {

			@Override
			public void dispose() {
				timeout.cancel();
			}

			@Override
			public boolean isDisposed() {
				return timeout.isCancelled();
			}

		};
	}

	/** Starts the wheel with its first use. */
	private static final class Holder {

		static final Timer TIMER = new HashedWheelTimer(WheelThread::new, TICK_MILLIS, TimeUnit.MILLISECONDS, 512,
				false);

	}

	/** The wheel's thread: a daemon, on which Reactor refuses to block. */
	private static final class WheelThread extends Thread implements NonBlocking {

		WheelThread(Runnable wheel) {
			super(wheel, "openai-timeout");
			setDaemon(true);
		}

	}

}
