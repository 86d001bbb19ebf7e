package io.github.openaistarter.benchmarks;

import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

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

}
