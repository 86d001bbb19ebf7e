package io.github.openaistarter.chat;

import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;

import io.github.openaistarter.core.OpenAiException;

/**
 * The items of a {@link reactor.core.publisher.Flux}, read by one blocking thread: a
 * bounded queue the flux fills, {@code prefetch} items ahead of the reader. Every item
 * that arrived before a failure is handed out, then the failure is thrown.
 * <p>
 * Cheaper per item than Reactor's {@code Flux.toStream()}, which takes a lock and signals
 * a condition for every item (and, to keep items queued before a failure, needed a
 * {@code Signal} per item too): here an arriving item wakes the reader only when it is
 * parked, and a reader that finds items waiting takes them without waking anyone.
 *
 * @param <T> the item type
 */
final class BlockingIterator<T> implements CoreSubscriber<T>, Iterator<T>, AutoCloseable {

	@SuppressWarnings("rawtypes")
	private static final AtomicReferenceFieldUpdater<BlockingIterator, @Nullable Subscription> SUBSCRIPTION = AtomicReferenceFieldUpdater
		.newUpdater(BlockingIterator.class, Subscription.class, "subscription");

	private final Queue<T> queue;

	private final int prefetch;

	/** Items to read before requesting that many more. */
	private final int replenish;

	private volatile @Nullable Subscription subscription;

	/** The reader while it is parked waiting for an item or the end. */
	private volatile @Nullable Thread parked;

	private volatile boolean done;

	private volatile boolean closed;

	/** Read after {@link #done}, which is written after it. */
	private @Nullable Throwable failure;

	private @Nullable T next;

	private int consumed;

	/**
	 * Creates an iterator to subscribe to a flux with.
	 * @param prefetch how many items to request ahead of the reader
	 */
	BlockingIterator(int prefetch) {
		this.queue = Queues.<T>get(prefetch).get();
		this.prefetch = prefetch;
		this.replenish = prefetch - (prefetch >> 2);
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		if (Operators.setOnce(SUBSCRIPTION, this, subscription)) {
			subscription.request(this.prefetch);
		}
	}

	@Override
	public void onNext(T item) {
		if (!this.queue.offer(item)) {
			Operators.terminate(SUBSCRIPTION, this);
			onError(Exceptions.failWithOverflow("more items arrived than the blocking reader requested"));
			return;
		}
		wakeReader();
	}

	@Override
	public void onError(Throwable failure) {
		this.failure = failure;
		this.done = true;
		wakeReader();
	}

	@Override
	public void onComplete() {
		this.done = true;
		wakeReader();
	}

	/**
	 * Unparks the reader if it is parked. The fence orders the item or end just published
	 * before the read of {@link #parked}, against the reader's write of it before it
	 * looks again: one of the two sees the other, so no wake-up is lost.
	 */
	private void wakeReader() {
		VarHandle.fullFence();
		Thread reader = this.parked;
		if (reader != null) {
			LockSupport.unpark(reader);
		}
	}

	/**
	 * Waits for the next item or the end.
	 * @return whether an item is there
	 * @throws RuntimeException the failure that ended the flux, once every item before it
	 * was read, as it is, or wrapped when it is checked
	 * @throws OpenAiException if the reader was interrupted while it waited (the
	 * subscription is cancelled and the interrupt flag kept)
	 */
	@Override
	public boolean hasNext() {
		if (this.next != null) {
			return true;
		}
		for (;;) {
			if (this.closed) {
				return false;
			}
			boolean ended = this.done;
			T item = this.queue.poll();
			if (item != null) {
				take(item);
				return true;
			}
			if (ended) {
				Throwable failure = this.failure;
				if (failure != null) {
					throw (failure instanceof RuntimeException runtime) ? runtime : Exceptions.propagate(failure);
				}
				return false;
			}
			park();
		}
	}

	private void take(T item) {
		this.next = item;
		if (++this.consumed == this.replenish) {
			this.consumed = 0;
			Subscription subscription = this.subscription;
			if (subscription != null) {
				subscription.request(this.replenish);
			}
		}
	}

	private void park() {
		Thread reader = Thread.currentThread();
		this.parked = reader;
		VarHandle.fullFence();
		if (this.queue.isEmpty() && !this.done && !this.closed) {
			LockSupport.park(this);
		}
		this.parked = null;
		if (reader.isInterrupted()) {
			close();
			throw BlockingStreams.interruption(new InterruptedException());
		}
	}

	@Override
	public T next() {
		T item = hasNext() ? this.next : null;
		if (item == null) {
			throw new NoSuchElementException();
		}
		this.next = null;
		return item;
	}

	/**
	 * Cancels the subscription; the reader sees the end, and what is still queued is left
	 * to the garbage collector.
	 */
	@Override
	public void close() {
		if (!this.closed) {
			this.closed = true;
			Operators.terminate(SUBSCRIPTION, this);
			Thread reader = this.parked;
			if (reader != null) {
				LockSupport.unpark(reader);
			}
		}
	}

}
