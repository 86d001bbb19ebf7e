package io.github.openaistarter.chat;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import reactor.netty.http.client.HttpClient;

import io.github.openaistarter.core.OpenAiConnectionPool;
import io.github.openaistarter.core.OpenAiTransport;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP tests that watch the connections: the client sends through an
 * {@link OpenAiConnectionPool} of its own, whose counts show whether a call gave its
 * connection back.
 */
abstract class PooledHttpTestSupport extends HttpTestSupport {

	protected OpenAiConnectionPool pool;

	@AfterEach
	void closePool() {
		if (this.pool != null) {
			this.pool.close();
		}
	}

	/**
	 * Points the client at the test server through a new pool, with retries on.
	 */
	OpenAiTransport.Builder pooledTransport(OpenAiConnectionPool pool) {
		if (this.pool != null) {
			this.pool.close();
		}
		this.pool = pool;
		return transport(new ReactorClientHttpConnector(HttpClient.create(pool.connectionProvider())))
			.retryPolicy(SHORT_BACKOFFS);
	}

	void usePooledClient(OpenAiTransport.Builder transport) {
		useClient(transport.build(), Map.of());
	}

	void awaitActiveConnections(int expected) {
		await(() -> this.pool.activeConnections() == expected,
				() -> "active connections " + expected + ", pool is " + this.pool);
	}

	void awaitPendingAcquires(int expected) {
		await(() -> this.pool.pendingAcquires() == expected,
				() -> "pending acquires " + expected + ", pool is " + this.pool);
	}

	static void await(BooleanSupplier condition, Supplier<String> description) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited for %s", description.get()).isLessThan(deadline);
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	static Duration since(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos);
	}

}
