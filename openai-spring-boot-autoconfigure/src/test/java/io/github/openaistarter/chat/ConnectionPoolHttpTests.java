package io.github.openaistarter.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.OpenAiConnectionPool;
import io.github.openaistarter.core.OpenAiIoException;
import io.github.openaistarter.core.OpenAiPoolExhaustedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A full {@link OpenAiConnectionPool} fails calls fast with
 * {@link OpenAiPoolExhaustedException} rather than queueing them without bound, and that
 * failure is not retried.
 */
@Timeout(20)
class ConnectionPoolHttpTests extends PooledHttpTestSupport {

	private static final ChatCompletionRequest HELLO = ChatCompletionRequest.of("gpt-4.1",
			List.of(ChatMessage.user("Hello!")));

	@Test
	void callBeyondTheQueueOfAFullPoolFailsAtOnceWithoutRetry() throws InterruptedException {
		usePooledClient(pooledTransport(OpenAiConnectionPool.builder()
			.maxConnections(1)
			.pendingAcquireMaxCount(1)
			.pendingAcquireTimeout(Duration.ofSeconds(10))
			.build()).responseTimeout(Duration.ofSeconds(30)));
		StallingBody stalled = enqueueJson(StallingBody.whitespaceAfter("{"));
		enqueueJsonFixture("chat-completion.json");
		enqueueJsonFixture("chat-completion.json");

		Disposable holding = this.reactive.create(HELLO).subscribe();
		takeRequest();
		awaitActiveConnections(1);
		AtomicReference<ChatCompletion> waited = new AtomicReference<>();
		this.reactive.create(HELLO).subscribe(waited::set);
		awaitPendingAcquires(1);
		long start = System.nanoTime();

		assertThatExceptionOfType(OpenAiPoolExhaustedException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.attempts()).isEqualTo(1);
				assertThat(ex.stage()).isEqualTo(OpenAiIoException.Stage.CONNECTING);
				assertThat(ex.requestSent()).isFalse();
				assertThat(ex.retryable()).isFalse();
				assertThat(ex.getMessage()).startsWith("POST /chat/completions found the OpenAI connection pool full: ")
					.endsWith("; raise the pool's max connections or lower the concurrency");
			});
		assertThat(since(start)).isLessThan(SLACK);
		assertThat(this.server.getRequestCount()).isEqualTo(1);

		holding.dispose();
		assertThat(stalled.awaitDisconnect(Duration.ofSeconds(10))).isTrue();
		await(() -> waited.get() != null, () -> "the queued call to complete");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		awaitActiveConnections(0);
		awaitPendingAcquires(0);
	}

	@Test
	void callWaitingLongerThanThePendingAcquireTimeoutFailsWithoutRetry() {
		usePooledClient(pooledTransport(
				OpenAiConnectionPool.builder().maxConnections(1).pendingAcquireTimeout(Duration.ofMillis(200)).build())
			.responseTimeout(Duration.ofSeconds(30)));
		enqueueJson(StallingBody.whitespaceAfter("{"));
		enqueueJsonFixture("chat-completion.json");

		Disposable holding = this.reactive.create(HELLO).subscribe();
		takeRequest();
		awaitActiveConnections(1);
		long start = System.nanoTime();

		AtomicReference<String> failedOn = new AtomicReference<>();
		StepVerifier
			.create(this.reactive.create(HELLO).doOnError((ex) -> failedOn.set(Thread.currentThread().getName())))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(OpenAiPoolExhaustedException.class)
					.hasMessageContaining("found the OpenAI connection pool full")
					.hasMessageNotContaining("attempts");
				assertThat(((OpenAiPoolExhaustedException) ex).attempts()).isEqualTo(1);
			})
			.verify(Duration.ofSeconds(5));
		assertThat(since(start)).isBetween(Duration.ofMillis(200), Duration.ofMillis(200).plus(SLACK));
		// the wait's timeout ran on the starter's timer wheel, not on Reactor's parallel
		// scheduler
		assertThat(failedOn.get()).startsWith("openai-timeout");
		assertThat(this.server.getRequestCount()).isEqualTo(1);

		holding.dispose();
		awaitActiveConnections(0);
	}

	@Test
	void poolDescribesItsLimitAndCounts() {
		usePooledClient(pooledTransport(OpenAiConnectionPool.builder().maxConnections(3).build()));
		enqueueJsonFixture("chat-completion.json");

		this.chat.create(HELLO);
		// the connection is released to the pool just after the answer is delivered
		await(() -> this.pool.idleConnections() == 1, () -> "one idle connection, pool is " + this.pool);

		assertThat(this.pool.maxConnections()).isEqualTo(3);
		assertThat(this.pool.activeConnections()).isZero();
		assertThat(this.pool).hasToString("OpenAiConnectionPool[max=3, active=0, idle=1, pending=0]");
	}

}
