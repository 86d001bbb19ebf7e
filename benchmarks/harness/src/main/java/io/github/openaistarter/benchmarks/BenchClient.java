package io.github.openaistarter.benchmarks;

import java.util.function.BiConsumer;
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

}
