package io.github.openaistarter.benchmarks;

import java.util.function.BiConsumer;

import reactor.core.publisher.Mono;

/**
 * A client whose plain call is a {@link Mono}: blocking calls block on it, asynchronous ones subscribe to it.
 */
interface ReactiveBenchClient extends BenchClient {

	/**
	 * One plain create call, not yet subscribed.
	 * @return the decoded completion
	 */
	Mono<?> createMono();

	@Override
	default Object create() {
		return createMono().block();
	}

	@Override
	default boolean isAsync() {
		return true;
	}

	@Override
	default void createAsync(BiConsumer<Object, Throwable> done) {
		createMono().subscribe((completion) -> done.accept(completion, null), (error) -> done.accept(null, error));
	}

}
