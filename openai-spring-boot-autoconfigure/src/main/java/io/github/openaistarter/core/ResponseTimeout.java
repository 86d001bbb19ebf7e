package io.github.openaistarter.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;
import java.util.function.Supplier;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * Fails a call whose answer takes longer than a timeout: one object per call, on the
 * {@link TimeoutWheel} every call shares. Reactor's {@code Mono.timeout} takes a
 * {@code Mono.delay} on a {@code ScheduledThreadPoolExecutor}, whose queue every call
 * locks twice (to arm and to cancel) from every event loop, and three more subscribers;
 * under load that was about one event-loop sample in twenty. The timeout fires up to one
 * tick of the wheel late.
 *
 * @param <T> the answer type
 */
final class ResponseTimeout<T> extends TimeoutSubscriber<T> implements TimerTask {

	@SuppressWarnings("rawtypes")
	private static final AtomicIntegerFieldUpdater<ResponseTimeout> STATE = AtomicIntegerFieldUpdater
		.newUpdater(ResponseTimeout.class, "state");

	/** Neither the answer nor the timeout has come. */
	private static final int WAITING = 0;

	/** The answer (a value, the end, a failure) or a cancellation came first. */
	private static final int ANSWERED = 1;

	/** The timeout came first. */
	private static final int TIMED_OUT = 2;

	private final long timeoutNanos;

	private final Supplier<? extends Throwable> failure;

	private final Timer timer;

	private volatile int state;

	private volatile @Nullable Timeout armed;

	private ResponseTimeout(CoreSubscriber<? super T> actual, Duration timeout, Supplier<? extends Throwable> failure,
			Timer timer) {
		super(actual);
		this.timeoutNanos = timeout.toNanos();
		this.failure = failure;
		this.timer = timer;
	}

	/**
	 * The operator, for {@link Mono#transform}, on the shared timer wheel.
	 * @param <T> the answer type
	 * @param timeout the longest wait for the answer, from subscription
	 * @param failure the failure when the answer is late
	 * @return the operator
	 */
	static <T> Function<Mono<T>, Mono<T>> of(Duration timeout, Supplier<? extends Throwable> failure) {
		return of(timeout, failure, TimeoutWheel.timer());
	}

	/**
	 * The operator, on a timer of the caller's (a manual one, in tests).
	 * @param <T> the answer type
	 * @param timeout the longest wait for the answer, from subscription
	 * @param failure the failure when the answer is late
	 * @param timer the timer
	 * @return the operator
	 */
	static <T> Function<Mono<T>, Mono<T>> of(Duration timeout, Supplier<? extends Throwable> failure, Timer timer) {
		Function<? super Publisher<T>, ? extends Publisher<T>> lifted = Operators
			.lift((scannable, actual) -> new ResponseTimeout<T>(actual, timeout, failure, timer));
		return (source) -> Mono.from(lifted.apply(source));
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		if (subscribed(subscription)) {
			this.actual.onSubscribe(this);
			arm();
		}
	}

	@Override
	public void onNext(T value) {
		if (this.state == ANSWERED || STATE.compareAndSet(this, WAITING, ANSWERED)) {
			disarm();
			this.actual.onNext(value);
		}
		else {
			Operators.onNextDropped(value, this.actual.currentContext());
		}
	}

	@Override
	public void onError(Throwable error) {
		if (this.state == ANSWERED || STATE.compareAndSet(this, WAITING, ANSWERED)) {
			disarm();
			this.actual.onError(error);
		}
		else {
			Operators.onErrorDropped(error, this.actual.currentContext());
		}
	}

	@Override
	public void onComplete() {
		if (this.state == ANSWERED || STATE.compareAndSet(this, WAITING, ANSWERED)) {
			disarm();
			this.actual.onComplete();
		}
	}

	/** The timeout came: fails the call, unless its answer came first. */
	@Override
	public void run(Timeout timeout) {
		if (STATE.compareAndSet(this, WAITING, TIMED_OUT)) {
			cancelUpstream();
			this.actual.onError(this.failure.get());
		}
	}

	@Override
	public void cancel() {
		STATE.compareAndSet(this, WAITING, ANSWERED);
		disarm();
		cancelUpstream();
	}

	/**
	 * Arms the timeout after the subscriber has its subscription, so that a timeout
	 * cannot reach it first. An answer that came meanwhile (a synchronous source) found
	 * nothing to cancel: the timeout is cancelled here, rather than holding the call
	 * until it fires.
	 */
	private void arm() {
		if (this.state != WAITING) {
			return;
		}
		this.armed = this.timer.newTimeout(this, this.timeoutNanos, TimeUnit.NANOSECONDS);
		if (this.state != WAITING) {
			disarm();
		}
	}

	private void disarm() {
		Timeout timeout = this.armed;
		if (timeout != null) {
			timeout.cancel();
		}
	}

}
