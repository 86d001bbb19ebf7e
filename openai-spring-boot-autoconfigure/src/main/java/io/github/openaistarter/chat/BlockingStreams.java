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
 * Blocking access to reactive results, shared by the blocking operations: a {@link Flux} as a closeable
 * {@link Stream} that hands out every item that arrived before a failure, then throws the failure (Reactor's
 * {@code Flux.toStream()} throws as soon as the failure arrives, dropping items still queued); and an
 * interrupted wait turned into an {@link OpenAiException}.
 */
final class BlockingStreams {

	private BlockingStreams() {
	}

	/**
	 * Streams a flux on the calling thread. Closing the stream cancels the flux.
	 */
	static <T> Stream<T> toStream(Flux<T> flux) {
		Stream<Signal<T>> signals = flux.materialize().toStream();
		Iterator<Signal<T>> source = signals.iterator();
		Iterator<T> items = new Iterator<>() {

			private @Nullable Signal<T> next;

			@Override
			public boolean hasNext() {
				if (this.next == null) {
					this.next = nextSignal(source);
				}
				if (this.next.isOnError()) {
					Throwable error = this.next.getThrowable();
					throw (error instanceof RuntimeException runtime) ? runtime : Exceptions.propagate(error);
				}
				return this.next.isOnNext();
			}

			@Override
			public T next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				T item = this.next.get();
				this.next = null;
				return item;
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
	 * Reactor reports an interrupted wait (after cancelling the subscription and keeping the thread's interrupt
	 * flag) as a wrapped {@link InterruptedException}; this names it.
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
