package io.github.openaistarter.chat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;

import io.github.openaistarter.core.OpenAiException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blocking operations refuse to run on a Reactor non-blocking thread, where blocking
 * would stall the event loop or deadlock, and say which interface to use instead.
 */
@Timeout(10)
class BlockingThreadTests extends HttpTestSupport {

	private static final ChatCompletionRequest HELLO = ChatCompletionRequest.of("gpt-4.1",
			List.of(ChatMessage.user("Hello!")));

	@Test
	void createInsideParallelSchedulerFailsFast() {
		Mono<ChatCompletion> completion = Mono.delay(Duration.ofMillis(1)).map((tick) -> this.chat.create(HELLO));

		StepVerifier.create(completion)
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith("ChatCompletionsOperations blocks, which is not allowed on the non-blocking"
						+ " thread 'parallel-")
				.hasMessageEndingWith("'; use ReactiveChatCompletionsOperations in reactive code"))
			.verify(Duration.ofSeconds(2));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void everyBlockingOperationFailsFastOnParallelThread() {
		Map<String, Callable<?>> operations = new LinkedHashMap<>();
		operations.put("create", () -> this.chat.create(HELLO));
		operations.put("stream", () -> this.chat.stream(HELLO));
		operations.put("stream to callback", () -> this.chat.stream(HELLO, (chunk) -> {
		}));
		operations.put("retrieve", () -> this.chat.retrieve("chatcmpl-abc123"));
		operations.put("update", () -> this.chat.update("chatcmpl-abc123", Map.of("topic", "haiku")));
		operations.put("delete", () -> this.chat.delete("chatcmpl-abc123"));
		operations.put("list", () -> this.chat.list());
		operations.put("listAll", () -> this.chat.listAll(ListChatCompletionsParams.NONE).toList());
		operations.put("listMessages", () -> this.chat.listMessages("chatcmpl-abc123"));
		operations.put("listAllMessages",
				() -> this.chat.listAllMessages("chatcmpl-abc123", ListMessagesParams.NONE).toList());
		operations.put("withResponse().create", () -> this.chat.withResponse().create(HELLO));

		operations.forEach((name, operation) -> StepVerifier
			.create(Mono.fromCallable(operation).subscribeOn(Schedulers.parallel()))
			.expectErrorSatisfies((ex) -> assertThat(ex).as(name)
				.isExactlyInstanceOf(IllegalStateException.class)
				.hasMessageContaining("use ReactiveChatCompletionsOperations in reactive code"))
			.verify(Duration.ofSeconds(2)));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void blockingInsideReactiveCallbackOnEventLoopFailsFast() {
		enqueueJsonFixture("chat-completion.json");

		Mono<ChatCompletion> nested = this.reactive.create(HELLO).map((first) -> this.chat.retrieve(first.id()));

		StepVerifier.create(nested)
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(IllegalStateException.class)
				.hasMessageContaining("ReactiveChatCompletionsOperations"))
			.verify(Duration.ofSeconds(5));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void interruptingBlockedCallerCancelsTheExchange() throws InterruptedException {
		StallingBody stalled = enqueueJson(StallingBody.whitespaceAfter("{\"id\": \"chatcmpl-slow\","));
		BlockedCaller caller = BlockedCaller.start("blocked-caller", () -> this.chat.create(HELLO));
		takeRequest();

		caller.interruptOnceBlocked();

		assertThat(caller.isAlive()).isFalse();
		assertThat(caller.failure()).isExactlyInstanceOf(OpenAiException.class)
			.hasCauseInstanceOf(InterruptedException.class)
			.hasMessageContaining("interrupted");
		assertThat(caller.stillInterrupted()).isTrue();
		assertThat(stalled.awaitDisconnect(Duration.ofSeconds(10))).as("server saw the connection closed").isTrue();
	}

	@Test
	void blockingOnBoundedElasticThreadIsAllowed() {
		enqueueJsonFixture("chat-completion.json");

		Mono<ChatCompletion> completion = Mono.fromCallable(() -> this.chat.create(HELLO))
			.subscribeOn(Schedulers.boundedElastic());

		StepVerifier.create(completion)
			.assertNext((answer) -> assertThat(answer.text()).isEqualTo("Hello! How can I assist you today?"))
			.verifyComplete();
	}

}
