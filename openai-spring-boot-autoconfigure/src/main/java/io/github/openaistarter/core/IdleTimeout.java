package io.github.openaistarter.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;

/**
 * Fails a stream whose first item takes longer than one timeout, or whose next item takes
 * longer than another, with one timer per stream rather than one per item. An item only
 * notes when it arrived (the first one also arms the timer for the idle timeout); the
 * timer, when it fires, arms itself again for what is left of the wait. Reactor's
 * {@code timeout(Publisher, Function)} arms and cancels a timer task for every item: a
 * few microseconds and a scheduled task per stream chunk, which this saves on every chunk
 * and every open stream.
 *
 * @param <T> the item type
 */
final class IdleTimeout<T> extends TimeoutSubscriber<T> implements Runnable {

	private final long firstNanos;

	private final long idleNanos;

	private final Supplier<? extends Throwable> firstFailure;

	private final Supplier<? extends Throwable> idleFailure;

	private final Scheduler timer;

	private final LongSupplier nanoClock;

	private long startNanos;

	private volatile long lastItemNanos;

	private volatile boolean seenItem;

	private volatile boolean done;

	private volatile @Nullable Disposable task;

	private IdleTimeout(CoreSubscriber<? super T> actual, Duration first, Duration idle,
			Supplier<? extends Throwable> firstFailure, Supplier<? extends Throwable> idleFailure, Scheduler timer,
			LongSupplier nanoClock) {
		// the timer's failure and the source's items come from different threads
		super(Operators.serialize(actual));
		this.firstNanos = first.toNanos();
		this.idleNanos = idle.toNanos();
		this.firstFailure = firstFailure;
		this.idleFailure = idleFailure;
		this.timer = timer;
		this.nanoClock = nanoClock;
	}

	/**
	 * The operator, for {@link Flux#transform}.
	 * @param <T> the item type
	 * @param first the longest wait for the first item, from subscription
	 * @param idle the longest wait for each next item
	 * @param firstFailure the failure when the first item is late
	 * @param idleFailure the failure when a next item is late
	 * @param timer the scheduler that runs the timer
	 * @return the operator
	 */
	static <T> Function<Flux<T>, Flux<T>> of(Duration first, Duration idle, Supplier<? extends Throwable> firstFailure,
			Supplier<? extends Throwable> idleFailure, Scheduler timer) {
		return of(first, idle, firstFailure, idleFailure, timer, System::nanoTime);
	}

	/**
	 * The operator, reading the time from a clock of the caller's (a virtual one, in
	 * tests).
	 * @param <T> the item type
	 * @param first the longest wait for the first item, from subscription
	 * @param idle the longest wait for each next item
	 * @param firstFailure the failure when the first item is late
	 * @param idleFailure the failure when a next item is late
	 * @param timer the scheduler that runs the timer
	 * @param nanoClock the time in nanoseconds, on the timer's clock
	 * @return the operator
	 */
	static <T> Function<Flux<T>, Flux<T>> of(Duration first, Duration idle, Supplier<? extends Throwable> firstFailure,
			Supplier<? extends Throwable> idleFailure, Scheduler timer, LongSupplier nanoClock) {
		Function<? super Publisher<T>, ? extends Publisher<T>> lifted = Operators.lift((scannable,
				actual) -> new IdleTimeout<T>(actual, first, idle, firstFailure, idleFailure, timer, nanoClock));
		return (source) -> Flux.from(lifted.apply(source));
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		if (subscribed(subscription)) {
			this.startNanos = this.nanoClock.getAsLong();
			this.actual.onSubscribe(this);
			arm(this.firstNanos);
		}
	}

	@Override
	public void onNext(T item) {
		if (this.done) {
			Operators.onNextDropped(item, this.actual.currentContext());
			return;
		}
		this.lastItemNanos = this.nanoClock.getAsLong();
		if (!this.seenItem) {
			// the timer was armed for the first item: from now on the idle timeout counts
			this.seenItem = true;
			disarm();
			arm(this.idleNanos);
		}
		this.actual.onNext(item);
	}

	@Override
	public void onError(Throwable error) {
		if (this.done) {
			Operators.onErrorDropped(error, this.actual.currentContext());
			return;
		}
		this.done = true;
		disarm();
		this.actual.onError(error);
	}

	@Override
	public void onComplete() {
		if (this.done) {
			return;
		}
		this.done = true;
		disarm();
		this.actual.onComplete();
	}

	/**
	 * The timer fired: fails the stream if its item is late, else waits for what is left.
	 */
	@Override
	public void run() {
		if (this.done) {
			return;
		}
		boolean seen = this.seenItem;
		long deadline = seen ? this.lastItemNanos + this.idleNanos : this.startNanos + this.firstNanos;
		long left = deadline - this.nanoClock.getAsLong();
		if (left > 0) {
			arm(left);
			return;
		}
		this.done = true;
		cancelUpstream();
		this.actual.onError(seen ? this.idleFailure.get() : this.firstFailure.get());
	}

	@Override
	public void cancel() {
		this.done = true;
		disarm();
		cancelUpstream();
	}

	private void arm(long delayNanos) {
		this.task = this.timer.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
		if (this.done) {
			disarm();
		}
	}

	private void disarm() {
		Disposable armed = this.task;
		if (armed != null) {
			armed.dispose();
		}
	}

}
