package io.github.openaistarter.chat;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import reactor.core.Exceptions;
import reactor.core.publisher.Flux;

import io.github.openaistarter.core.OpenAiException;

/**
 * Blocking access to reactive results, shared by the blocking operations: a {@link Flux}
 * as a closeable {@link Stream} that hands out every item that arrived before a failure,
 * then throws the failure (Reactor's {@code Flux.toStream()} throws as soon as the
 * failure arrives, dropping items still queued; see {@link BlockingIterator}); and an
 * interrupted wait turned into an {@link OpenAiException}.
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
		BlockingIterator<T> items = new BlockingIterator<>(PREFETCH);
		flux.subscribe(items);
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false)
			.onClose(items::close);
	}

	/**
	 * Reactor reports an interrupted wait (after cancelling the subscription and keeping
	 * the thread's interrupt flag) as a wrapped {@link InterruptedException}; this names
	 * it.
	 * @return an {@link OpenAiException} for an interruption, else the exception itself
	 */
	static RuntimeException interrupted(RuntimeException ex) {
		if (Exceptions.unwrap(ex) instanceof InterruptedException interruption) {
			return interruption(interruption);
		}
		return ex;
	}

	/**
	 * Names an interrupted wait, after which the HTTP exchange was cancelled.
	 * @param interruption the interruption
	 * @return the exception to throw
	 */
	static OpenAiException interruption(InterruptedException interruption) {
		return new OpenAiException("The OpenAI call was interrupted; its HTTP exchange was cancelled", interruption,
				null);
	}

}
