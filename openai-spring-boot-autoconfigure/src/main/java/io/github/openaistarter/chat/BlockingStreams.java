package io.github.openaistarter.chat;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;

import io.github.openaistarter.core.OpenAiException;

/**
 * Blocking access to reactive results, shared by the blocking operations: a {@link Flux}
 * as a closeable {@link Stream} that hands out every item that arrived before a failure,
 * then throws the failure (Reactor's {@code Flux.toStream()} throws as soon as the
 * failure arrives, dropping items still queued); and an interrupted wait turned into an
 * {@link OpenAiException}.
 */
final class BlockingStreams {

	/** How many items a stream requests ahead of its reader. */
	static final int PREFETCH = 32;

	private BlockingStreams() {
	}

	/**
	 * Streams a flux on the calling thread. Closing the stream cancels the flux.
	 */
	static <T> Stream<T> toStream(Flux<T> flux) {
		// 32 items requested ahead, not Reactor's 256: a smaller queue for each open
		// stream
		Stream<Signal<T>> signals = flux.materialize().toStream(PREFETCH);
		Iterator<Signal<T>> source = signals.iterator();
		Iterator<T> items = new Iterator<>() {

			private @Nullable Signal<T> next;

			@Override
			public boolean hasNext() {
				return peek().isOnNext();
			}

			@Override
			public T next() {
				Signal<T> signal = peek();
				T item = signal.get();
				if (!signal.isOnNext() || item == null) {
					throw new NoSuchElementException();
				}
				this.next = null;
				return item;
			}

			/**
			 * The next signal, read once; an error is thrown as it is, a runtime
			 * exception unwrapped.
			 */
			private Signal<T> peek() {
				Signal<T> signal = this.next;
				if (signal == null) {
					signal = nextSignal(source);
					this.next = signal;
				}
				Throwable error = signal.getThrowable();
				if (signal.isOnError() && error != null) {
					throw (error instanceof RuntimeException runtime) ? runtime : Exceptions.propagate(error);
				}
				return signal;
			}

		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false)
			.onClose(signals::close);
	}

	private static <T> Signal<T> nextSignal(Iterator<Signal<T>> source) {
		try {
			return source.hasNext() ? source.next() : Signal.complete();
		}
		catch (RuntimeException ex) {
			throw interrupted(ex);
		}
	}

	/**
	 * Reactor reports an interrupted wait (after cancelling the subscription and keeping
	 * the thread's interrupt flag) as a wrapped {@link InterruptedException}; this names
	 * it.
	 * @return an {@link OpenAiException} for an interruption, else the exception itself
	 */
	static RuntimeException interrupted(RuntimeException ex) {
		if (Exceptions.unwrap(ex) instanceof InterruptedException interruption) {
			return new OpenAiException("The OpenAI call was interrupted; its HTTP exchange was cancelled", interruption,
					null);
		}
		return ex;
	}

}
