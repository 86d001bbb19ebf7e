package io.github.openaistarter.observation;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;
import io.github.openaistarter.chat.model.StoredMessage;
import io.github.openaistarter.core.InternalServerException;
import io.github.openaistarter.core.NotFoundException;
import io.github.openaistarter.core.OpenAiIoException;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.RetryPolicy;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests the observation of every non-streaming operation over HTTP: name, contextual
 * name, every key with its exact value, the timer and token meters, failures, retries,
 * recorded content and the parent of WebClient's own observation.
 */
@Timeout(30)
class OperationObservationHttpTests extends ObservationHttpTestSupport {

	private static final String COMPLETION_ID = "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT";

	private static final String NOT_FOUND = """
			{"error":{"message":"No chat completion found with id 'chatcmpl-gone'.",
			 "type":"invalid_request_error","param":null,"code":null}}""";

	enum Flavour {

		BLOCKING, REACTIVE

	}

	private static ChatCompletionRequest hello() {
		return ChatCompletionRequest.builder().model(MODEL).message(ChatMessage.user("Hello there")).build();
	}

	@ParameterizedTest
	@EnumSource
	void createIsObservedWithEveryKeyAndTokenMeters(Flavour flavour) {
		enqueueJson("chat-completion.json");
		ChatCompletion completion = (flavour == Flavour.BLOCKING) ? this.chat.create(hello())
				: this.reactive.create(hello()).block();
		assertThat(completion.id()).isEqualTo(COMPLETION_ID);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo(NAME, 1)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasContextualNameEqualTo("chat gpt-4o-mini")
			.hasBeenStarted()
			.hasBeenStopped()
			.doesNotHaveError();
		Observation.Context context = observation("chat.completions.create");
		assertThat(lowKeys(context)).isEqualTo(expectedLowKeys("chat", MODEL, "chat.completions.create"));
		assertThat(highKeys(context)).isEqualTo(map("gen_ai.response.model", "o4-mini-2025-04-16", "gen_ai.response.id",
				COMPLETION_ID, "gen_ai.response.finish_reasons", "stop", "gen_ai.usage.input_tokens", "1083",
				"gen_ai.usage.output_tokens", "202", "openai.request_id", "req_obs_200", "http.response.status_code",
				"200"));
		assertThat(this.meters.get(NAME)
			.tags("openai.operation", "chat.completions.create", "outcome", "success", "error", "none")
			.timer()
			.count()).isOne();
		assertTokens("chat.completions.create",
				Map.of("input", 1083.0, "output", 202.0, "cached", 1024.0, "reasoning", 192.0));
		assertThat(this.meters.find(OpenAiMeterObservationHandler.RETRIES).counter()).isNull();
		assertThat(this.meters.find(OpenAiMeterObservationHandler.TIME_TO_FIRST_CHUNK).timer()).isNull();
		assertThat(this.meters.find(OpenAiMeterObservationHandler.STREAM_CHUNKS).summary()).isNull();
	}

	@ParameterizedTest
	@EnumSource
	void retrieveIsObservedWithoutCountingTheStoredCompletionsTokensAgain(Flavour flavour) {
		enqueueJson("stored-completion.json");
		ChatCompletion completion = (flavour == Flavour.BLOCKING) ? this.chat.retrieve("chatcmpl-abc123")
				: this.reactive.retrieve("chatcmpl-abc123").block();
		assertThat(completion.id()).isEqualTo("chatcmpl-abc123");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasContextualNameEqualTo("chat.completions.retrieve")
			.hasBeenStopped()
			.doesNotHaveError();
		Observation.Context context = observation("chat.completions.retrieve");
		assertThat(lowKeys(context))
			.isEqualTo(expectedLowKeys("chat.completions.retrieve", "none", "chat.completions.retrieve"));
		assertThat(highKeys(context)).isEqualTo(map("gen_ai.response.model", "gpt-4o-2024-08-06", "gen_ai.response.id",
				"chatcmpl-abc123", "gen_ai.response.finish_reasons", "stop", "openai.request_id", "req_obs_200",
				"http.response.status_code", "200"));
		assertThat(this.meters.find(OpenAiMeterObservationHandler.TOKEN_USAGE).meters()).isEmpty();
		assertThat(this.meters.get(NAME).tags("openai.operation", "chat.completions.retrieve").timer().count()).isOne();
	}

	@ParameterizedTest
	@EnumSource
	void updateIsObservedWithoutCountingTheStoredCompletionsTokensAgain(Flavour flavour) {
		enqueueJson("stored-completion-updated.json");
		Map<String, String> metadata = Map.of("reviewed", "yes & approved");
		ChatCompletion completion = (flavour == Flavour.BLOCKING) ? this.chat.update("chatcmpl-abc123", metadata)
				: this.reactive.update("chatcmpl-abc123", metadata).block();
		assertThat(completion.id()).isEqualTo("chatcmpl-abc123");
		Observation.Context context = observation("chat.completions.update");
		assertThat(context.getContextualName()).isEqualTo("chat.completions.update");
		assertThat(lowKeys(context))
			.isEqualTo(expectedLowKeys("chat.completions.update", "none", "chat.completions.update"));
		assertThat(highKeys(context)).isEqualTo(map("gen_ai.response.model", "gpt-4o-2024-08-06", "gen_ai.response.id",
				"chatcmpl-abc123", "gen_ai.response.finish_reasons", "stop", "openai.request_id", "req_obs_200",
				"http.response.status_code", "200"));
		assertThat(isStopped(context)).isTrue();
		assertThat(this.meters.find(OpenAiMeterObservationHandler.TOKEN_USAGE).meters()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource
	void deleteIsObserved(Flavour flavour) {
		enqueueJson("completion-deleted.json");
		boolean deleted = (flavour == Flavour.BLOCKING) ? this.chat.delete("chatcmpl-abc123").deleted()
				: this.reactive.delete("chatcmpl-abc123").block().deleted();
		assertThat(deleted).isTrue();
		Observation.Context context = observation("chat.completions.delete");
		assertThat(context.getContextualName()).isEqualTo("chat.completions.delete");
		assertThat(lowKeys(context))
			.isEqualTo(expectedLowKeys("chat.completions.delete", "none", "chat.completions.delete"));
		assertThat(highKeys(context))
			.isEqualTo(map("openai.request_id", "req_obs_200", "http.response.status_code", "200"));
		assertThat(isStopped(context)).isTrue();
		assertThat(context.getError()).isNull();
	}

	@ParameterizedTest
	@EnumSource
	void listIsObserved(Flavour flavour) {
		enqueueJson("completion-list.json");
		ListChatCompletionsParams params = ListChatCompletionsParams.builder().model("gpt-4.1").limit(2).build();
		int size = (flavour == Flavour.BLOCKING) ? this.chat.list(params).data().size()
				: this.reactive.list(params).block().data().size();
		assertThat(size).isEqualTo(2);
		Observation.Context context = observation("chat.completions.list");
		assertThat(context.getContextualName()).isEqualTo("chat.completions.list");
		assertThat(lowKeys(context))
			.isEqualTo(expectedLowKeys("chat.completions.list", "none", "chat.completions.list"));
		assertThat(highKeys(context))
			.isEqualTo(map("openai.request_id", "req_obs_200", "http.response.status_code", "200"));
		assertThat(isStopped(context)).isTrue();
		assertThat(this.meters.find(OpenAiMeterObservationHandler.TOKEN_USAGE).meters()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource
	void listMessagesIsObserved(Flavour flavour) {
		enqueueJson("message-list.json");
		int size = (flavour == Flavour.BLOCKING) ? this.chat.listMessages("chatcmpl-abc123").data().size()
				: this.reactive.listMessages("chatcmpl-abc123").block().data().size();
		assertThat(size).isEqualTo(4);
		Observation.Context context = observation("chat.completions.messages.list");
		assertThat(context.getContextualName()).isEqualTo("chat.completions.messages.list");
		assertThat(lowKeys(context))
			.isEqualTo(expectedLowKeys("chat.completions.messages.list", "none", "chat.completions.messages.list"));
		assertThat(highKeys(context))
			.isEqualTo(map("openai.request_id", "req_obs_200", "http.response.status_code", "200"));
		assertThat(isStopped(context)).isTrue();
	}

	@ParameterizedTest
	@EnumSource
	void listAllIsOneObservationOverItsPageCalls(Flavour flavour) {
		enqueueJson("completions-page-1.json");
		enqueueJson("completions-page-2.json");
		enqueueJson("completions-page-3.json");
		ListChatCompletionsParams params = ListChatCompletionsParams.builder().limit(2).build();
		List<ChatCompletion> all;
		if (flavour == Flavour.BLOCKING) {
			try (Stream<ChatCompletion> stream = this.chat.listAll(params)) {
				all = stream.toList();
			}
		}
		else {
			all = this.reactive.listAll(params).collectList().block();
		}
		assertThat(all).hasSize(6);
		Observation.Context walk = observation("chat.completions.list_all");
		assertThat(walk.getContextualName()).isEqualTo("chat.completions.list_all");
		assertThat(lowKeys(walk)).isEqualTo(expectedLowKeys("chat.completions.list_all", "none",
				"chat.completions.list_all", "http.response.status_class", "none"));
		assertThat(highKeys(walk)).isEmpty();
		assertThat(isStopped(walk)).isTrue();
		assertThat(walk.getError()).isNull();
		assertPageCalls("chat.completions.list", 3);
		assertThat(this.meters.get(NAME).tags("openai.operation", "chat.completions.list_all").timer().count()).isOne();
	}

	@ParameterizedTest
	@EnumSource
	void listAllMessagesIsOneObservationOverItsPageCalls(Flavour flavour) {
		enqueueJson("messages-page-1.json");
		enqueueJson("messages-page-2.json");
		enqueueJson("messages-page-3.json");
		ListMessagesParams params = ListMessagesParams.builder().limit(2).build();
		List<StoredMessage> all;
		if (flavour == Flavour.BLOCKING) {
			try (Stream<StoredMessage> stream = this.chat.listAllMessages("chatcmpl-abc123", params)) {
				all = stream.toList();
			}
		}
		else {
			all = this.reactive.listAllMessages("chatcmpl-abc123", params).collectList().block();
		}
		assertThat(all).hasSizeGreaterThan(4);
		Observation.Context walk = observation("chat.completions.messages.list_all");
		assertThat(walk.getContextualName()).isEqualTo("chat.completions.messages.list_all");
		assertThat(lowKeys(walk)).isEqualTo(expectedLowKeys("chat.completions.messages.list_all", "none",
				"chat.completions.messages.list_all", "http.response.status_class", "none"));
		assertThat(highKeys(walk)).isEmpty();
		assertThat(isStopped(walk)).isTrue();
		assertPageCalls("chat.completions.messages.list", 3);
	}

	@Test
	void aBlockingListAllClosedBeforeItsEndIsCancelled() {
		enqueueJson("completions-page-1.json");
		try (Stream<ChatCompletion> stream = this.chat.listAll(ListChatCompletionsParams.builder().limit(2).build())) {
			assertThat(stream.findFirst()).get().extracting(ChatCompletion::id).isEqualTo("chatcmpl-page1a");
		}
		Observation.Context walk = observation("chat.completions.list_all");
		assertThat(isStopped(walk)).isTrue();
		assertThat(walk.getError()).isNull();
		assertThat(lowKeys(walk)).containsEntry("outcome", "cancelled").containsEntry("error.type", "none");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertPageCalls("chat.completions.list", 1);
	}

	@Test
	void aReactiveListAllCancelledBeforeItsEndIsCancelled() {
		enqueueJson("completions-page-1.json");
		List<ChatCompletion> first = this.reactive.listAll(ListChatCompletionsParams.builder().limit(2).build())
			.take(1)
			.collectList()
			.block();
		assertThat(first).hasSize(1);
		Observation.Context walk = observation("chat.completions.list_all");
		assertThat(isStopped(walk)).isTrue();
		assertThat(walk.getError()).isNull();
		assertThat(lowKeys(walk)).containsEntry("outcome", "cancelled").containsEntry("error.type", "none");
	}

	@ParameterizedTest
	@EnumSource
	void aNotFoundAnswerIsAnErrorOfTypeNotFoundWithStatusClass4xx(Flavour flavour) {
		enqueue(jsonResponse(404, NOT_FOUND).build());
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> {
			if (flavour == Flavour.BLOCKING) {
				this.chat.retrieve("chatcmpl-gone");
			}
			else {
				this.reactive.retrieve("chatcmpl-gone").block();
			}
		});
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasBeenStopped()
			.hasError()
			.assertThatError()
			.isInstanceOf(NotFoundException.class);
		Observation.Context context = observation("chat.completions.retrieve");
		assertThat(lowKeys(context))
			.isEqualTo(expectedLowKeys("chat.completions.retrieve", "none", "chat.completions.retrieve", "outcome",
					"error", "error.type", "NotFoundException", "http.response.status_class", "4xx"));
		assertThat(highKeys(context))
			.isEqualTo(map("openai.request_id", "req_obs_404", "http.response.status_code", "404"));
		assertThat(this.meters.get(NAME)
			.tags("openai.operation", "chat.completions.retrieve", "outcome", "error", "error", "NotFoundException")
			.timer()
			.count()).isOne();
	}

	@Test
	void aRefusedConnectionIsAnErrorWithoutStatusClass() throws IOException {
		MockWebServer closed = new MockWebServer();
		closed.start();
		String refusedUrl = closed.url("/v1").toString();
		closed.close();
		useClient(OpenAiTransport.builder(new ReactorClientHttpConnector())
			.baseUrl(refusedUrl)
			.apiKey(API_KEY)
			.retryPolicy(RetryPolicy.DEFAULT.withMaxRetries(0))
			.observer(new ObservationCallObserver(this.registry, null, 0))
			.build());
		assertThatExceptionOfType(OpenAiIoException.class).isThrownBy(() -> this.chat.create(hello()));
		Observation.Context context = observation("chat.completions.create");
		assertThat(lowKeys(context)).isEqualTo(expectedLowKeys("chat", MODEL, "chat.completions.create", "outcome",
				"error", "error.type", "OpenAiIoException", "http.response.status_class", "none", "server.port",
				String.valueOf(closed.getPort())));
		assertThat(highKeys(context)).isEmpty();
		assertThat(isStopped(context)).isTrue();
		assertThat(context.getError()).isInstanceOf(OpenAiIoException.class);
		assertThat(this.meters.find(OpenAiMeterObservationHandler.TOKEN_USAGE).meters()).isEmpty();
	}

	@Test
	void aRetriedCallCountsItsAttemptsAndRetries() throws InterruptedException {
		useClient(
				transport(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1)), 0));
		enqueue(jsonResponse(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}").build());
		enqueueJson("chat-completion.json");
		assertThat(this.chat.create(hello()).id()).isEqualTo(COMPLETION_ID);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		Observation.Context context = observation("chat.completions.create");
		assertThat(lowKeys(context))
			.isEqualTo(expectedLowKeys("chat", MODEL, "chat.completions.create", "openai.attempts", "2"));
		assertThat(highKeys(context)).containsEntry("http.response.status_code", "200")
			.containsEntry("openai.request_id", "req_obs_200");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasEvent("openai.retry")
			.doesNotHaveError();
		assertThat(this.meters.get(OpenAiMeterObservationHandler.RETRIES)
			.tags("openai.operation", "chat.completions.create", "gen_ai.request.model", MODEL)
			.counter()
			.count()).isEqualTo(1.0);
		// both attempts carry the trace context injected once, when the call's
		// observation
		// started
		String traceparent = this.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("traceparent");
		assertThat(traceparent).isEqualTo(TRACEPARENT + 1);
		assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("traceparent")).isEqualTo(traceparent);
	}

	@Test
	void aCallThatFailsAfterItsRetriesCountsEveryAttempt() {
		useClient(
				transport(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1)), 0));
		for (int i = 0; i < 3; i++) {
			enqueue(jsonResponse(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}").build());
		}
		assertThatExceptionOfType(InternalServerException.class)
			.isThrownBy(() -> this.chat.retrieve("chatcmpl-abc123"));
		assertThat(this.server.getRequestCount()).isEqualTo(3);
		Observation.Context context = observation("chat.completions.retrieve");
		assertThat(lowKeys(context)).isEqualTo(expectedLowKeys("chat.completions.retrieve", "none",
				"chat.completions.retrieve", "outcome", "error", "error.type", "InternalServerException",
				"http.response.status_class", "5xx", "openai.attempts", "3"));
		assertThat(highKeys(context))
			.isEqualTo(map("openai.request_id", "req_obs_503", "http.response.status_code", "503"));
		assertThat(this.meters.get(OpenAiMeterObservationHandler.RETRIES).counter().count()).isEqualTo(2.0);
	}

	@Test
	void contentIsNotRecordedByDefault() {
		enqueueJson("chat-completion.json");
		this.chat.create(hello());
		Observation.Context context = observation("chat.completions.create");
		assertThat(highKeys(context)).doesNotContainKeys("gen_ai.input.messages", "gen_ai.output.messages");
		assertThat(context.getHighCardinalityKeyValues().stream().map(Object::toString))
			.noneMatch((keyValue) -> keyValue.contains("Hello there") || keyValue.contains("assist you"));
	}

	@Test
	void contentIsRecordedShortenedToTheMaximumLengthWhenIncluded() throws InterruptedException {
		useClient(transport(RetryPolicy.DEFAULT.withMaxRetries(0), 20));
		enqueueJson("chat-completion.json");
		this.chat.create(hello());
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		String sent = request.getBody().utf8();
		assertThat(sent).hasSizeGreaterThan(20);
		Observation.Context context = observation("chat.completions.create");
		assertThat(highKeys(context)).containsEntry("gen_ai.input.messages", sent.substring(0, 20))
			.containsEntry("gen_ai.output.messages", "Hello! How can I ass");
	}

	@Test
	void theCallIsAClientSpanThatPropagatesItsTraceContextToTheServer() throws InterruptedException {
		enqueueJson("chat-completion.json");
		this.reactive.create(hello()).block();
		Observation.Context ours = observation("chat.completions.create");
		assertThat(ours).isInstanceOfSatisfying(SenderContext.class, (sender) -> {
			assertThat(sender.getKind()).isEqualTo(Kind.CLIENT);
			assertThat(sender.getRemoteServiceName()).isEqualTo("openai");
			assertThat(sender.getRemoteServiceAddress()).isEqualTo(baseUrl());
		});
		// each call sends the trace context injected into its own observation
		assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("traceparent"))
			.isEqualTo(TRACEPARENT + 1);
		enqueueJson("chat-completion.json");
		this.chat.create(hello());
		assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("traceparent"))
			.isEqualTo(TRACEPARENT + 2);
	}

	@ParameterizedTest
	@EnumSource
	void pageCallsOfAWalkAreChildrenOfTheWalk(Flavour flavour) {
		enqueueJson("completions-page-1.json");
		enqueueJson("completions-page-2.json");
		enqueueJson("completions-page-3.json");
		ListChatCompletionsParams params = ListChatCompletionsParams.builder().limit(2).build();
		if (flavour == Flavour.BLOCKING) {
			try (Stream<ChatCompletion> stream = this.chat.listAll(params)) {
				assertThat(stream.count()).isEqualTo(6);
			}
		}
		else {
			assertThat(this.reactive.listAll(params).count().block()).isEqualTo(6);
		}
		Observation.Context walk = observation("chat.completions.list_all");
		List<Observation.Context> pages = observations().stream()
			.filter((context) -> "chat.completions.list".equals(lowKeys(context).get("openai.operation")))
			.toList();
		assertThat(pages).hasSize(3).allSatisfy((page) -> assertThat(parentOf(page)).isSameAs(walk));
	}

	@Test
	void aReactiveCallIsAChildOfTheObservationInTheSubscribersContext() {
		enqueueJson("chat-completion.json");
		Observation request = Observation.start("http.server.requests", this.registry);
		this.reactive.create(hello())
			.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, request))
			.block();
		request.stop();
		assertThat(parentOf(observation("chat.completions.create"))).isSameAs(request.getContext());
	}

	@Test
	void aBlockingCallIsAChildOfTheCurrentObservation() {
		enqueueJson("chat-completion.json");
		Observation request = Observation.createNotStarted("http.server.requests", this.registry);
		request.observe(() -> this.chat.create(hello()));
		assertThat(parentOf(observation("chat.completions.create"))).isSameAs(request.getContext());
	}

	@Test
	void aCallWhoseSubscriberCancelsOnReceivingItsValueEndsOnceAsASuccess() {
		enqueueJson("chat-completion.json");
		assertThat(Flux.from(this.reactive.create(hello())).take(1).collectList().block()).hasSize(1);
		Observation.Context context = observation("chat.completions.create");
		assertThat(lowKeys(context)).containsEntry("outcome", "success");
		assertThat(this.stopped.stream().filter((candidate) -> candidate == context)).hasSize(1);
		assertThat(this.meters.get(NAME).tag("openai.operation", "chat.completions.create").timer().count()).isOne();
	}

	@Test
	void thePageCallOfAWalkCancelledAfterItsFirstItemEndsOnceAsASuccess() {
		enqueueJson("completions-page-1.json");
		this.reactive.listAll(ListChatCompletionsParams.builder().limit(2).build()).take(1).blockLast();
		Observation.Context page = observation("chat.completions.list");
		assertThat(lowKeys(page)).containsEntry("outcome", "success");
		assertThat(this.stopped.stream().filter((candidate) -> candidate == page)).hasSize(1);
		assertThat(lowKeys(observation("chat.completions.list_all"))).containsEntry("outcome", "cancelled");
	}

	private static Observation.ContextView parentOf(Observation.Context context) {
		ObservationView parent = context.getParentObservation();
		assertThat(parent).as("parent of %s", context.getContextualName()).isNotNull();
		return parent.getContextView();
	}

	private void assertPageCalls(String operation, int count) {
		List<Observation.Context> pages = observations().stream()
			.filter((context) -> operation.equals(lowKeys(context).get("openai.operation")))
			.toList();
		assertThat(pages).hasSize(count).allSatisfy((page) -> {
			assertThat(isStopped(page)).isTrue();
			assertThat(lowKeys(page)).isEqualTo(expectedLowKeys(operation, "none", operation));
		});
	}

	private void assertTokens(String operation, Map<String, Double> expected) {
		Map<String, Double> recorded = new java.util.TreeMap<>();
		this.meters.find(OpenAiMeterObservationHandler.TOKEN_USAGE)
			.tag("openai.operation", operation)
			.summaries()
			.forEach((summary) -> {
				assertThat(summary.count()).isOne();
				recorded.put(summary.getId().getTag("gen_ai.token.type"), summary.totalAmount());
			});
		assertThat(recorded).isEqualTo(new java.util.TreeMap<>(expected));
		this.meters.find(OpenAiMeterObservationHandler.TOKEN_USAGE).summaries().forEach((summary) -> {
			assertThat(summary.getId().getTag("gen_ai.operation.name")).isEqualTo("chat");
			assertThat(summary.getId().getTag("gen_ai.provider.name")).isEqualTo("openai");
			assertThat(summary.getId().getTag("gen_ai.request.model")).isEqualTo(MODEL);
			assertThat(summary.getId().getBaseUnit()).isEqualTo("tokens");
		});
	}

}
