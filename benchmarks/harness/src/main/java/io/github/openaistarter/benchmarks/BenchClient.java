package io.github.openaistarter.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import reactor.core.publisher.Flux;

/**
 * One client under test, reduced to what the measures need. Every client sends the same request
 * ({@link Payloads}) to the same stand-in and decodes the answer into its own objects.
 */
public interface BenchClient extends AutoCloseable {

	/**
	 * Creates a completion, waiting for it.
	 * @return the decoded completion
	 */
	Object create();

	/**
	 * Whether {@link #createAsync} is the client's own asynchronous API; when not, callers run {@link #create()}
	 * on threads of their own.
	 * @return whether the client is asynchronous
	 */
	boolean isAsync();

	/**
	 * Creates a completion without waiting.
	 * @param done told the completion or the failure
	 */
	void createAsync(BiConsumer<Object, Throwable> done);

	/**
	 * Streams a completion, waiting until it ends.
	 * @param onChunk told each chunk's {@code created} field as the subscriber receives the chunk
	 * @return the number of chunks received
	 */
	int stream(LongConsumer onChunk);

	/**
	 * Whether {@link #streamAsync} is the client's own asynchronous streaming API; when not, callers run
	 * {@link #stream} on threads of their own.
	 * @return whether the client streams asynchronously
	 */
	default boolean isAsyncStream() {
		return false;
	}

	/**
	 * Opens a stream without waiting for it.
	 * @param onChunk told each chunk's {@code created} field (or what the client has instead) as it arrives
	 * @param onEnd told {@code null} when the stream ends, or the failure
	 */
	default void streamAsync(LongConsumer onChunk, Consumer<Throwable> onEnd) {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " has no asynchronous stream");
	}

	/**
	 * Streams through {@link #streamAsync} and waits for the end: {@link #stream} of a client whose own streaming API
	 * is asynchronous.
	 * @param onChunk told of each chunk
	 * @return the number of chunks received
	 */
	default int awaitStream(LongConsumer onChunk) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		int[] count = new int[1];
		streamAsync((created) -> {
			count[0]++;
			onChunk.accept(created);
		}, (error) -> {
			if (error != null) {
				done.completeExceptionally(error);
			}
			else {
				done.complete(null);
			}
		});
		try {
			done.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
		return count[0];
	}

	/**
	 * Lists one page of stored completions.
	 * @return the decoded page
	 */
	Object list();

	/**
	 * The text of a completion returned by {@link #create()}, to check that the client decoded it.
	 * @param completion a completion
	 * @return its first choice's text
	 */
	String text(Object completion);

	@Override
	void close();


	/**
	 * Reads a stream of chunks to its end, telling the consumer each chunk's {@code created} stamp.
	 * @param <C> the chunk type
	 * @param chunks the chunks; closed at the end
	 * @param created a chunk's {@code created} stamp
	 * @param onChunk told of each chunk
	 * @return the number of chunks
	 */
	static <C> int readAll(Stream<C> chunks, ToLongFunction<C> created, LongConsumer onChunk) {
		int count = 0;
		try (chunks) {
			for (C chunk : (Iterable<C>) chunks::iterator) {
				onChunk.accept(created.applyAsLong(chunk));
				count++;
			}
		}
		return count;
	}

	/**
	 * Reads a flux of chunks to its end, telling the consumer each chunk's {@code created} stamp.
	 * @param <C> the chunk type
	 * @param chunks the chunks
	 * @param created a chunk's {@code created} stamp
	 * @param onChunk told of each chunk
	 * @return the number of chunks
	 */
	static <C> int readAll(Flux<C> chunks, ToLongFunction<C> created, LongConsumer onChunk) {
		Long count = chunks.doOnNext((chunk) -> onChunk.accept(created.applyAsLong(chunk))).count().block();
		return (count != null) ? count.intValue() : 0;
	}

	/**
	 * Subscribes to a flux of chunks, telling the consumers each chunk's {@code created} stamp and the end.
	 * @param <C> the chunk type
	 * @param chunks the chunks
	 * @param created a chunk's {@code created} stamp
	 * @param onChunk told of each chunk
	 * @param onEnd told {@code null} at the end, or the failure
	 */
	static <C> void subscribe(Flux<C> chunks, ToLongFunction<C> created, LongConsumer onChunk,
			Consumer<Throwable> onEnd) {
		chunks.subscribe((chunk) -> onChunk.accept(created.applyAsLong(chunk)), onEnd, () -> onEnd.accept(null));
	}

}
