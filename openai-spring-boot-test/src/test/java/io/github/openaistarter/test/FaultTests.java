package io.github.openaistarter.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.InternalServerException;
import io.github.openaistarter.core.OpenAiException;
import io.github.openaistarter.core.OpenAiIoException;
import io.github.openaistarter.core.OpenAiStreamException;
import io.github.openaistarter.core.OpenAiTimeoutException;
import io.github.openaistarter.core.RateLimitException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Faults injected with {@link OpenAiFakeServer#enqueue(Fault)}, as the real client sees
 * them.
 */
@ExtendWith(OpenAiFakeExtension.class)
class FaultTests {

	private static final ChatCompletionRequest HI = ChatCompletionRequest.of(List.of(ChatMessage.user("hi there you")));

	private final OpenAiFakeServer fake;

	private final ChatCompletionsOperations chat;

	FaultTests(OpenAiFakeServer fake) {
		this.fake = fake;
		this.chat = Clients.chat(fake);
	}

	/**
	 * Streams with the reactive client, which hands over every chunk received before a
	 * failure.
	 */
	private void stream(ChatCompletionRequest request, List<String> received) {
		Clients.reactiveChat(this.fake).stream(request).doOnNext((chunk) -> received.add(chunk.text())).blockLast();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void answersAnErrorStatusWithHeadersOnce() {
		this.fake.enqueue(Fault.status(429).header("retry-after-ms", "50").header("x-should-retry", "true"));
		assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> this.chat.create(HI)).satisfies((ex) -> {
			assertThat(ex.statusCode().value()).isEqualTo(429);
			assertThat(ex.errorCode()).isEqualTo("rate_limit_exceeded");
			assertThat(ex.errorType()).isEqualTo("requests");
			assertThat(ex.headers().getFirst("retry-after-ms")).isEqualTo("50");
			assertThat(ex.headers().getFirst("x-should-retry")).isEqualTo("true");
			assertThat(ex.requestId()).startsWith("req_");
		});
		assertThat(this.chat.create(HI).text()).isEqualTo("echo: hi there you");
	}

	@Test
	void answersAnErrorStatusWithItsOwnBodySeveralTimes() {
		this.fake
			.enqueue(Fault.status(500).body("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}").times(2));
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> this.chat.create(HI))
				.satisfies((ex) -> assertThat(ex.errorMessage()).isEqualTo("boom"));
		}
		assertThat(this.chat.create(HI).text()).isEqualTo("echo: hi there you");
	}

	@Test
	void appliesAFaultOnlyToMatchingRequests() {
		this.fake.enqueue(Fault.status(503).on("GET", "/chat/completions"));
		assertThat(this.chat.create(HI).text()).isEqualTo("echo: hi there you");
		assertThat(this.fake.requests()).hasSize(1);
		assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> this.chat.list())
			.satisfies((ex) -> assertThat(ex.statusCode().value()).isEqualTo(503));
		assertThat(this.chat.list().data()).isEmpty();
	}

	@Test
	void delaysTheAnswer() {
		this.fake.enqueue(Fault.delay(Duration.ofMillis(300)));
		long start = System.nanoTime();
		assertThat(this.chat.create(HI).text()).isEqualTo("echo: hi there you");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

		this.fake.enqueue(Fault.delay(Duration.ofSeconds(3)));
		ChatCompletionsOperations impatient = Clients.chat(this.fake,
				(transport) -> transport.responseTimeout(Duration.ofMillis(200)));
		assertThatExceptionOfType(OpenAiTimeoutException.class).isThrownBy(() -> impatient.create(HI));
	}

	@Test
	void dropsTheConnection() {
		this.fake.enqueue(Fault.reset());
		assertThatExceptionOfType(OpenAiIoException.class).isThrownBy(() -> this.chat.create(HI));
		assertThat(this.fake.requests()).hasSize(1);
		assertThat(this.chat.create(HI).text()).isEqualTo("echo: hi there you");
	}

	@Test
	void sendsAnErrorEventMidStream() {
		this.fake.enqueue(Fault.streamErrorAfter(2));
		List<String> received = new ArrayList<>();
		assertThatExceptionOfType(OpenAiStreamException.class).isThrownBy(() -> stream(HI, received))
			.satisfies((ex) -> {
				assertThat(ex.error().type()).isEqualTo("server_error");
				assertThat(ex.requestId()).startsWith("req_");
			});
		assertThat(received).containsExactly("", "echo:");
	}

	@Test
	void endsTheStreamWithoutDone() {
		this.fake.enqueue(Fault.streamCutAfter(3));
		List<String> received = new ArrayList<>();
		assertThatExceptionOfType(OpenAiStreamException.class).isThrownBy(() -> stream(HI, received))
			.withMessageContaining("before [DONE]");
		assertThat(received).containsExactly("", "echo:", " hi");
	}

	@Test
	void dropsTheConnectionMidStream() {
		this.fake.enqueue(Fault.streamResetAfter(3));
		List<String> received = new ArrayList<>();
		assertThatExceptionOfType(OpenAiStreamException.class).isThrownBy(() -> stream(HI, received))
			.withMessageContaining("cut before [DONE]");
		assertThat(received).containsExactly("", "echo:", " hi");
	}

	@Test
	void stallsTheStream() {
		this.fake.enqueue(Fault.streamStallAfter(2, Duration.ofSeconds(3)));
		List<String> received = new ArrayList<>();
		assertThatExceptionOfType(OpenAiTimeoutException.class).isThrownBy(() -> Clients
			.reactiveChat(this.fake, (transport) -> transport.streamIdleTimeout(Duration.ofMillis(200)))
			.stream(HI)
			.doOnNext((chunk) -> received.add(chunk.text()))
			.blockLast());
		assertThat(received).containsExactly("", "echo:");

		this.fake.enqueue(Fault.streamStallAfter(2, Duration.ofMillis(300)));
		long start = System.nanoTime();
		assertThat(this.chat.stream(HI, (chunk) -> {
		}).text()).isEqualTo("echo: hi there you");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	/**
	 * A caller slower than the network still receives every chunk that arrived before a
	 * stream error, then the error (Reactor's {@code Flux.toStream()} alone would throw
	 * first and drop the queued chunks).
	 */
	@Test
	void deliversEveryChunkReceivedBeforeAStreamErrorToASlowCaller() {
		this.fake.enqueue(Fault.streamErrorAfter(4));
		List<String> received = new ArrayList<>();
		assertThatExceptionOfType(OpenAiStreamException.class).isThrownBy(() -> this.chat.stream(HI, (chunk) -> {
			received.add(chunk.text());
			sleep(Duration.ofMillis(100));
		}));
		assertThat(received).containsExactly("", "echo:", " hi", " there");
	}

	@Test
	void keepsStreamFaultsForStreams() {
		this.fake.enqueue(Fault.streamCutAfter(0));
		assertThat(this.chat.create(HI).text()).isEqualTo("echo: hi there you");
		assertThatExceptionOfType(OpenAiException.class).isThrownBy(() -> {
			try (Stream<ChatCompletionChunk> chunks = this.chat.stream(HI)) {
				chunks.forEach((chunk) -> {
				});
			}
		});
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.status(200));
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.delay(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.streamCutAfter(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.reset().times(0));
		assertThatIllegalStateException().isThrownBy(() -> Fault.reset().header("a", "b"));
		assertThat(Fault.status(429).on("post", "/v1/chat/completions").times(2))
			.hasToString("Fault.status(429) on POST /chat/completions x2");
	}

}
