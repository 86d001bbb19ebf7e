package io.github.openaistarter.chat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.OpenAiConnectionPool;
import io.github.openaistarter.core.OpenAiException;
import io.github.openaistarter.core.OpenAiTimeoutException;
import io.github.openaistarter.core.RequestOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Timeouts and cancellation over HTTP, with retries on: a timed-out call is not retried
 * and fails with {@link OpenAiTimeoutException}; a timed-out, disposed, closed or
 * interrupted call closes its exchange (the server sees the disconnect) and gives its
 * connection back to the pool.
 */
@Timeout(20)
class TimeoutAndCancellationHttpTests extends PooledHttpTestSupport {

	private static final ChatCompletionRequest HELLO = ChatCompletionRequest.of("gpt-4.1",
			List.of(ChatMessage.user("Hello!")));

	private static final String COMPLETION_TEXT = "Hello! How can I assist you today?";

	@BeforeEach
	void useShortTimeouts() {
		usePool(Duration.ofMillis(300), Duration.ofMillis(300));
	}

	@Test
	void responseSlowerThanTheTimeoutFailsWithoutRetry() throws InterruptedException {
		StallingBody slow = enqueueJson(StallingBody.whitespaceAfter("{"));
		enqueueJsonFixture("chat-completion.json");
		long start = System.nanoTime();

		assertThatExceptionOfType(OpenAiTimeoutException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.timeout()).isEqualTo(Duration.ofMillis(300));
				assertThat(ex.attempts()).isEqualTo(1);
				assertThat(ex.getMessage())
					.isEqualTo("POST /chat/completions timed out: no complete answer within PT0.3S");
			});

		assertThat(since(start)).isBetween(Duration.ofMillis(300), Duration.ofMillis(300).plus(SLACK));
		assertThat(slow.awaitDisconnect(Duration.ofSeconds(10))).as("server saw the exchange closed").isTrue();
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		awaitActiveConnections(0);
	}

	@Test
	void headersSlowerThanTheTimeoutFailReactivelyWithoutRetry() {
		enqueue(jsonResponse(200, fixture("chat-completion.json")).headersDelay(3, TimeUnit.SECONDS).build());
		enqueueJsonFixture("chat-completion.json");

		StepVerifier.create(this.reactive.retrieve("chatcmpl-abc123")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(OpenAiTimeoutException.class)
				.hasMessage("GET /chat/completions/chatcmpl-abc123 timed out: no complete answer within PT0.3S");
			assertThat(((OpenAiTimeoutException) ex).attempts()).isEqualTo(1);
		}).verify(Duration.ofSeconds(3));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		awaitActiveConnections(0);
	}

	@Test
	void perCallTimeoutOverridesTheConfiguredOne() {
		usePool(Duration.ofSeconds(30), Duration.ofMillis(300));
		enqueueJson(StallingBody.whitespaceAfter("{"));
		long start = System.nanoTime();

		assertThatExceptionOfType(OpenAiTimeoutException.class)
			.isThrownBy(() -> this.chat.withOptions(RequestOptions.builder().timeout(Duration.ofMillis(200)).build())
				.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.timeout()).isEqualTo(Duration.ofMillis(200));
				assertThat(ex.getMessage()).endsWith("no complete answer within PT0.2S");
			});
		assertThat(since(start)).isBetween(Duration.ofMillis(200), Duration.ofMillis(200).plus(SLACK));
		awaitActiveConnections(0);
	}

	@Test
	void perCallTimeoutCanBeLongerThanTheConfiguredOne() {
		enqueue(jsonResponse(200, fixture("chat-completion.json")).headersDelay(500, TimeUnit.MILLISECONDS).build());

		assertThat(this.chat.withOptions(RequestOptions.builder().timeout(Duration.ofSeconds(5)).build())
			.create(HELLO)
			.text()).isEqualTo(COMPLETION_TEXT);
	}

	@Test
	void perCallTimeoutBoundsTheFirstChunkOfAStream() {
		usePool(Duration.ofSeconds(30), Duration.ofMillis(300));
		enqueue(eventStream(fixture("stream-text.sse")).headersDelay(3, TimeUnit.SECONDS).build());

		StepVerifier
			.create(this.reactive.withOptions(RequestOptions.builder().timeout(Duration.ofMillis(200)).build())
				.stream(HELLO))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(OpenAiTimeoutException.class)
					.hasMessage("POST /chat/completions timed out: no stream chunk within PT0.2S");
				assertThat(((OpenAiTimeoutException) ex).attempts()).isEqualTo(1);
			})
			.verify(Duration.ofSeconds(3));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void streamStallingBeyondTheIdleTimeoutFailsWithoutRetryAndClosesTheExchange() throws InterruptedException {
		// keep-alive comments are no chunks: they do not keep a stalled stream alive
		StallingBody stalled = enqueueEventStream(StallingBody.keepAliveAfter(ONCE_CHUNK_EVENT));
		enqueue(eventStream(fixture("stream-text.sse")).build());

		StepVerifier.create(this.reactive.stream(HELLO))
			.assertNext((chunk) -> assertThat(chunk.text()).isEqualTo("Once"))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(OpenAiTimeoutException.class)
					.hasMessage("POST /chat/completions timed out: the stream was idle for PT0.3S");
				assertThat(((OpenAiTimeoutException) ex).attempts()).isEqualTo(1);
			})
			.verify(Duration.ofSeconds(3));

		assertThat(stalled.awaitDisconnect(Duration.ofSeconds(10))).as("server saw the exchange closed").isTrue();
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		awaitActiveConnections(0);
	}

	@Test
	void blockingStreamStallingBeyondTheIdleTimeoutFailsAfterItsChunks() {
		enqueueEventStream(StallingBody.silentAfter(ONCE_CHUNK_EVENT));
		StringBuilder received = new StringBuilder();

		assertThatExceptionOfType(OpenAiTimeoutException.class)
			.isThrownBy(() -> this.chat.stream(HELLO, (chunk) -> received.append(chunk.text())))
			.withMessage("POST /chat/completions timed out: the stream was idle for PT0.3S");
		assertThat(received).hasToString("Once");
		awaitActiveConnections(0);
	}

	@Test
	void disposingAReactiveStreamClosesTheExchangeAndFreesTheConnection() throws InterruptedException {
		usePool(Duration.ofMillis(300), Duration.ofSeconds(30));
		StallingBody stalled = enqueueEventStream(StallingBody.keepAliveAfter(ONCE_CHUNK_EVENT));
		AtomicReference<String> first = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();

		Disposable subscription = this.reactive.stream(HELLO)
			.subscribe((chunk) -> first.compareAndSet(null, chunk.text()), failure::set);
		await(() -> first.get() != null, () -> "the first chunk");
		assertThat(this.pool.activeConnections()).isEqualTo(1);
		subscription.dispose();

		assertThat(first.get()).isEqualTo("Once");
		assertThat(stalled.awaitDisconnect(Duration.ofSeconds(10))).as("server saw the exchange closed").isTrue();
		awaitActiveConnections(0);
		assertThat(failure.get()).isNull();
		assertTheNextCallSucceeds();
	}

	@Test
	void closingABlockingStreamEarlyClosesTheExchangeAndFreesTheConnection() throws InterruptedException {
		usePool(Duration.ofMillis(300), Duration.ofSeconds(30));
		StallingBody stalled = enqueueEventStream(StallingBody.keepAliveAfter(ONCE_CHUNK_EVENT));

		try (Stream<ChatCompletionChunk> chunks = this.chat.stream(HELLO)) {
			Iterator<ChatCompletionChunk> iterator = chunks.iterator();
			assertThat(iterator.next().text()).isEqualTo("Once");
			assertThat(this.pool.activeConnections()).isEqualTo(1);
		}

		assertThat(stalled.awaitDisconnect(Duration.ofSeconds(10))).as("server saw the exchange closed").isTrue();
		awaitActiveConnections(0);
		assertTheNextCallSucceeds();
	}

	@Test
	void interruptingABlockedCallerClosesTheExchangeAndFreesTheConnection() throws InterruptedException {
		usePool(Duration.ofSeconds(30), Duration.ofMillis(300));
		StallingBody stalled = enqueueJson(StallingBody.whitespaceAfter("{"));
		BlockedCaller caller = BlockedCaller.start("blocked-caller", () -> this.chat.create(HELLO));
		takeRequest();
		awaitActiveConnections(1);
		caller.interruptOnceBlocked();

		assertThat(caller.isAlive()).isFalse();
		assertThat(caller.failure()).isExactlyInstanceOf(OpenAiException.class)
			.hasMessage("The OpenAI call was interrupted; its HTTP exchange was cancelled")
			.hasCauseInstanceOf(InterruptedException.class);
		assertThat(caller.stillInterrupted()).as("interrupt flag kept").isTrue();
		assertThat(stalled.awaitDisconnect(Duration.ofSeconds(10))).as("server saw the exchange closed").isTrue();
		awaitActiveConnections(0);
		assertTheNextCallSucceeds();
	}

	@Test
	void interruptingACallerBlockedOnAStreamClosesTheExchangeAndFreesTheConnection() throws InterruptedException {
		usePool(Duration.ofMillis(300), Duration.ofSeconds(30));
		StallingBody stalled = enqueueEventStream(StallingBody.keepAliveAfter(ONCE_CHUNK_EVENT));
		StringBuilder received = new StringBuilder();
		BlockedCaller caller = BlockedCaller.start("blocked-stream-reader",
				() -> this.chat.stream(HELLO, (chunk) -> received.append(chunk.text())));
		await(() -> received.length() > 0, () -> "the first chunk");

		caller.interruptNow();

		assertThat(caller.isAlive()).isFalse();
		assertThat(received).hasToString("Once");
		assertThat(caller.failure()).isExactlyInstanceOf(OpenAiException.class)
			.hasMessage("The OpenAI call was interrupted; its HTTP exchange was cancelled");
		assertThat(stalled.awaitDisconnect(Duration.ofSeconds(10))).as("server saw the exchange closed").isTrue();
		awaitActiveConnections(0);
	}

	@Test
	void completedCallsGiveTheirConnectionBackForReuse() {
		enqueueJsonFixture("chat-completion.json");
		enqueue(eventStream(fixture("stream-text.sse")).build());
		enqueueJsonFixture("stored-completion.json");

		assertThat(this.chat.create(HELLO).text()).isEqualTo(COMPLETION_TEXT);
		assertThat(this.chat.stream(HELLO, (chunk) -> {
		}).text()).isEqualTo("Hello world");
		assertThat(this.chat.retrieve("chatcmpl-abc123").id()).isEqualTo("chatcmpl-abc123");

		awaitActiveConnections(0);
		// a call may begin before the previous one's connection is back: one to three
		// connections; the pool counts a released connection active, then idle
		await(() -> this.pool.idleConnections() >= 1, () -> "an idle connection, pool is " + this.pool);
		assertThat(this.pool.idleConnections()).isBetween(1, 3);
	}

	private void usePool(Duration responseTimeout, Duration streamIdleTimeout) {
		usePooledClient(pooledTransport(OpenAiConnectionPool.builder().build()).responseTimeout(responseTimeout)
			.streamIdleTimeout(streamIdleTimeout));
	}

	private void assertTheNextCallSucceeds() {
		enqueueJsonFixture("chat-completion.json");
		assertThat(this.chat.create(HELLO).text()).isEqualTo(COMPLETION_TEXT);
		awaitActiveConnections(0);
	}

}
