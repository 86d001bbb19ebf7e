package io.github.openaistarter.test.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;
import io.github.openaistarter.chat.model.Page;
import io.github.openaistarter.chat.model.ResponseFormat;
import io.github.openaistarter.chat.model.ServiceTier;
import io.github.openaistarter.chat.model.SortOrder;
import io.github.openaistarter.chat.model.StoredMessage;
import io.github.openaistarter.chat.model.StreamOptions;
import io.github.openaistarter.chat.model.Tool;
import io.github.openaistarter.chat.model.ToolChoice;
import io.github.openaistarter.core.AuthenticationException;
import io.github.openaistarter.core.NotFoundException;
import io.github.openaistarter.core.OpenAiResponse;
import io.github.openaistarter.core.OpenAiStreamException;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.RetryPolicy;
import io.github.openaistarter.core.RateLimitException;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Scenarios that hold for every faithful OpenAI stand-in, run through the library's real
 * client. Each subclass runs them against one fake ({@link InJvmFakeParityTests}: the
 * {@code OpenAiFakeServer} of this module; {@link SharedFakeParityTests}: the
 * spec-checking Node fake of {@code ../shared}), so both must give the same observable
 * results. Each test starts on an empty fake.
 */
abstract class FakeParityScenarios {

	/**
	 * The key the fakes accept; the shared fake accepts any but {@value #WRONG_API_KEY}.
	 */
	static final String API_KEY = "sk-parity";

	/** A key both fakes refuse as incorrect. */
	static final String WRONG_API_KEY = "sk-invalid";

	private static final String MODEL = "gpt-4o-mini";

	private static final Tool WEATHER = Tool.function("get_weather", "The weather in a city",
			Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))));

	private static final Tool TIME = Tool.function("get_time", "The time in a city", Map.of("type", "object"));

	/**
	 * The base URL of the fake under test.
	 * @return for example {@code http://127.0.0.1:54321/v1}
	 */
	abstract String baseUrl();

	/**
	 * Queues a status fault with a header for the next request.
	 * @param status the status
	 * @param header the header name
	 * @param value the header value
	 */
	abstract void failNextRequest(int status, String header, String value);

	/**
	 * Queues a fault for the next stream: that many chunks, then an {@code error} event.
	 * @param chunks the chunks sent before the error
	 */
	abstract void failNextStreamAfter(int chunks);

	private ChatCompletionsOperations chat() {
		return chat(API_KEY);
	}

	private ChatCompletionsOperations chat(String apiKey) {
		OpenAiTransport transport = OpenAiTransport.builder(new ReactorClientHttpConnector())
			.baseUrl(baseUrl())
			.apiKey(apiKey.isEmpty() ? null : apiKey)
			.retryPolicy(RetryPolicy.DEFAULT.withMaxRetries(0))
			.build();
		return new ChatCompletionsTemplate(new ChatCompletionsClient(transport, Map.of("model", MODEL)));
	}

	@Test
	void createAnswersWithTheEchoModelItsUsageAndTheApiHeaders() {
		OpenAiResponse<ChatCompletion> response = chat().withResponse()
			.create(ChatCompletionRequest
				.of(List.of(ChatMessage.system("Be brief."), ChatMessage.user("What is the capital of France?"))));
		ChatCompletion completion = response.body();
		assertThat(completion.text()).isEqualTo("echo: What is the capital of France?");
		assertThat(completion.id()).startsWith("chatcmpl-");
		assertThat(completion.object()).isEqualTo("chat.completion");
		assertThat(completion.model()).isEqualTo(MODEL);
		assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.serviceTier()).isEqualTo(ServiceTier.DEFAULT);
		assertThat(completion.systemFingerprint()).startsWith("fp_");
		assertThat(completion.metadata()).isEmpty();
		assertThat(completion.usage().promptTokens()).isEqualTo((2 + 3) + (6 + 3));
		assertThat(completion.usage().completionTokens()).isEqualTo(7);
		assertThat(completion.usage().totalTokens()).isEqualTo(21);
		assertThat(response.requestId()).startsWith("req_");
		assertThat(response.metadata().processingTime()).isPositive();
		assertThat(response.rateLimit().limitRequests()).isEqualTo(10_000);
		assertThat(response.rateLimit().limitTokens()).isEqualTo(2_000_000);
		ChatCompletion two = chat()
			.create(ChatCompletionRequest.builder().message(ChatMessage.user("hi")).n(2).build());
		assertThat(two.choices()).extracting((choice) -> choice.message().content())
			.containsExactly("echo: hi (1)", "echo: hi (2)");
	}

	@Test
	void streamsTheAnswerAWordAChunkThenTheUsage() {
		List<ChatCompletionChunk> chunks = new ArrayList<>();
		ChatCompletion completion = chat().stream(ChatCompletionRequest.builder()
			.message(ChatMessage.user("hello there world"))
			.streamOptions(StreamOptions.INCLUDE_USAGE)
			.build(), chunks::add);
		assertThat(completion.text()).isEqualTo("echo: hello there world");
		assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.usage().completionTokens()).isEqualTo(4);
		assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(completion.id());
		assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo("assistant");
		assertThat(chunks).filteredOn((chunk) -> !chunk.text().isEmpty()).hasSize(4);
		assertThat(chunks.get(chunks.size() - 1).choices()).isEmpty();
		assertThat(String.join("", chunks.stream().map(ChatCompletionChunk::text).toList()))
			.isEqualTo("echo: hello there world");
	}

	@Test
	void callsToolsAsTheToolChoiceAsks() {
		ChatCompletionRequest ask = ChatCompletionRequest.builder()
			.message(ChatMessage.user("What is the weather in Paris?"))
			.tools(List.of(WEATHER, TIME))
			.build();
		assertThat(chat().create(ask).text()).isEqualTo("echo: What is the weather in Paris?");
		ChatCompletion required = chat().create(ask.mutate().toolChoice(ToolChoice.REQUIRED).build());
		assertToolCall(required, "get_weather");
		assertToolCall(chat().create(ask.mutate().toolChoice(ToolChoice.function("get_time")).build()), "get_time");
		assertToolCall(chat().create(ChatCompletionRequest.builder()
			.message(ChatMessage.user("Please call the weather tool"))
			.tools(List.of(WEATHER))
			.build()), "get_weather");
		assertThat(chat().create(ask.mutate().toolChoice(ToolChoice.NONE).build()).message().toolCalls()).isEmpty();
		ChatCompletion streamed = chat().stream(ask.mutate().toolChoice(ToolChoice.REQUIRED).build(), (chunk) -> {
		});
		assertToolCall(streamed, "get_weather");
	}

	private static void assertToolCall(ChatCompletion completion, String function) {
		assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(completion.text()).isEmpty();
		assertThat(completion.message().toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).startsWith("call_");
			assertThat(call.function().name()).isEqualTo(function);
			assertThat(JsonMapper.builder().build().readTree(call.function().arguments()).isObject()).isTrue();
		});
	}

	@Test
	void callsEveryToolTheUserNamesThenEchoesTheirResults() {
		ChatCompletionRequest ask = ChatCompletionRequest.builder()
			.message(ChatMessage.user("call get_time and get_weather for Paris"))
			.tools(List.of(WEATHER, TIME))
			.build();
		ChatCompletion calls = chat().create(ask);
		assertThat(calls.message().toolCalls()).extracting((call) -> call.function().name())
			.containsExactly("get_time", "get_weather");
		assertThat(calls.message().toolCalls().get(1).function().arguments())
			.isEqualTo("{\"city\":\"call get_time and get_weather for Paris\"}");
		assertThat(chat().stream(ask, (chunk) -> {
		}).message().toolCalls()).extracting((call) -> call.function().name())
			.containsExactly("get_time", "get_weather");
		List<ChatMessage> conversation = new ArrayList<>(ask.messages());
		conversation.add(calls.message());
		conversation.add(ChatMessage.tool(calls.message().toolCalls().get(0).id(), "noon"));
		conversation.add(ChatMessage.tool(calls.message().toolCalls().get(1).id(), "sunny"));
		assertThat(chat().create(ask.mutate().messages(conversation).build()).text()).isEqualTo("echo: noon; sunny");
	}

	@Test
	void callsOneToolARoundWithoutParallelCallsAndForeverWhenAsked() {
		ChatCompletionRequest ask = ChatCompletionRequest.builder()
			.message(ChatMessage.user("call get_weather and get_time"))
			.tools(List.of(WEATHER, TIME))
			.parallelToolCalls(false)
			.build();
		List<ChatMessage> conversation = new ArrayList<>(ask.messages());
		List<String> called = new ArrayList<>();
		ChatCompletion answer = chat().create(ask);
		while (!answer.message().toolCalls().isEmpty()) {
			assertThat(answer.message().toolCalls()).hasSize(1);
			called.add(answer.message().toolCalls().get(0).function().name());
			conversation.add(answer.message());
			conversation.add(ChatMessage.tool(answer.message().toolCalls().get(0).id(), "done"));
			answer = chat().create(ask.mutate().messages(conversation).build());
		}
		assertThat(called).containsExactly("get_weather", "get_time");
		assertThat(answer.text()).isEqualTo("echo: done; done");
		List<ChatMessage> forever = new ArrayList<>(List.of(ChatMessage.user("call get_time forever")));
		for (int round = 0; round < 3; round++) {
			ChatCompletion again = chat().create(ask.mutate().messages(forever).parallelToolCalls(null).build());
			assertToolCall(again, "get_time");
			forever.add(again.message());
			forever.add(ChatMessage.tool(again.message().toolCalls().get(0).id(), "noon"));
		}
	}

	@Test
	void refusesWhenAskedToRefuseWholeOrStreamed() {
		ChatCompletionRequest ask = ChatCompletionRequest.of(List.of(ChatMessage.user("Please refuse this")));
		for (ChatCompletion completion : List.of(chat().create(ask), chat().stream(ask, (chunk) -> {
		}))) {
			assertThat(completion.message().content()).isNull();
			assertThat(completion.message().refusal()).isEqualTo("I'm sorry, I can't help with that.");
			assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.STOP);
		}
	}

	@Test
	void cutsAStructuredAnswerAtFourCharactersAToken() {
		ChatCompletionRequest ask = ChatCompletionRequest.builder()
			.message(ChatMessage.user("Describe Mars"))
			.responseFormat(ResponseFormat.jsonSchema("planet",
					Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string")), "required",
							List.of("name"), "additionalProperties", false)))
			.maxCompletionTokens(3)
			.build();
		List<ChatCompletionChunk> chunks = new ArrayList<>();
		for (ChatCompletion completion : List.of(chat().create(ask), chat().stream(ask, chunks::add))) {
			assertThat(completion.text()).isEqualTo("{\"name\":\"Des");
			assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.LENGTH);
		}
		assertThat(chunks).extracting(ChatCompletionChunk::text).contains("{\"nam", "e\":\"D", "es");
		ChatCompletion whole = chat().create(ask.mutate().maxCompletionTokens(null).build());
		assertThat(whole.text()).isEqualTo("{\"name\":\"Describe Mars\"}");
		assertThat(whole.usage().completionTokens()).isEqualTo(6);
	}

	@Test
	void keepsOnlyCompletionsCreatedWithStore() {
		ChatCompletion notStored = chat().create(List.of(ChatMessage.user("forget me")));
		ChatCompletion stored = chat().create(ChatCompletionRequest.builder()
			.message(ChatMessage.user("keep me"))
			.store(true)
			.metadata(Map.of("topic", "parity"))
			.build());
		assertThat(stored.metadata()).containsExactly(Map.entry("topic", "parity"));
		ChatCompletion retrieved = chat().retrieve(stored.id());
		assertThat(retrieved.id()).isEqualTo(stored.id());
		assertThat(retrieved.text()).isEqualTo("echo: keep me");
		assertThat(retrieved.metadata()).containsExactly(Map.entry("topic", "parity"));
		assertThat(chat().list().data()).extracting(ChatCompletion::id).containsExactly(stored.id());
		assertNotFound(() -> chat().retrieve(notStored.id()), notStored.id());
	}

	@Test
	void updateReplacesTheMetadataAndDeleteForgets() {
		String id = chat()
			.create(ChatCompletionRequest.builder()
				.message(ChatMessage.user("update me"))
				.store(true)
				.metadata(Map.of("a", "1", "b", "2"))
				.build())
			.id();
		assertThat(chat().update(id, Map.of("c", "3")).metadata()).containsExactly(Map.entry("c", "3"));
		assertThat(chat().retrieve(id).metadata()).containsExactly(Map.entry("c", "3"));
		assertThat(chat().list(ListChatCompletionsParams.builder().metadata("a", "1").build()).data()).isEmpty();
		assertThat(chat().list(ListChatCompletionsParams.builder().metadata("c", "3").build()).data()).hasSize(1);
		assertThat(chat().delete(id)).satisfies((deleted) -> {
			assertThat(deleted.id()).isEqualTo(id);
			assertThat(deleted.deleted()).isTrue();
			assertThat(deleted.object()).isEqualTo("chat.completion.deleted");
		});
		assertNotFound(() -> chat().retrieve(id), id);
		assertNotFound(() -> chat().update(id, Map.of("c", "4")), id);
		assertNotFound(() -> chat().delete(id), id);
		assertNotFound(() -> chat().listMessages(id), id);
		assertThat(chat().list().data()).isEmpty();
	}

	@Test
	void listsPagesInBothOrdersFilteredByModelAndMetadata() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(chat()
				.create(ChatCompletionRequest.builder()
					.model((i % 2 == 0) ? MODEL : "gpt-4.1-mini")
					.message(ChatMessage.user("item " + i))
					.store(true)
					.metadata(Map.of("run", "paging", "parity", (i < 3) ? "low" : "high"))
					.build())
				.id());
		}
		Page<ChatCompletion> all = chat().list();
		assertThat(all.data()).extracting(ChatCompletion::id).containsExactlyElementsOf(ids);
		assertThat(all.hasMore()).isFalse();
		assertThat(all.firstId()).isEqualTo(ids.get(0));
		assertThat(all.lastId()).isEqualTo(ids.get(4));
		Page<ChatCompletion> first = chat().list(ListChatCompletionsParams.builder().limit(2).build());
		assertThat(first.data()).extracting(ChatCompletion::id).containsExactly(ids.get(0), ids.get(1));
		assertThat(first.hasMore()).isTrue();
		Page<ChatCompletion> last = chat().list(ListChatCompletionsParams.builder().limit(2).after(ids.get(3)).build());
		assertThat(last.data()).extracting(ChatCompletion::id).containsExactly(ids.get(4));
		assertThat(last.hasMore()).isFalse();
		try (Stream<ChatCompletion> newestFirst = chat()
			.listAll(ListChatCompletionsParams.builder().limit(2).order(SortOrder.DESC).build())) {
			assertThat(newestFirst.map(ChatCompletion::id)).containsExactly(ids.get(4), ids.get(3), ids.get(2),
					ids.get(1), ids.get(0));
		}
		assertThat(chat().list(ListChatCompletionsParams.builder().model("gpt-4.1-mini").build()).data())
			.extracting(ChatCompletion::id)
			.containsExactly(ids.get(1), ids.get(3));
		assertThat(chat()
			.list(ListChatCompletionsParams.builder().metadata("run", "paging").metadata("parity", "high").build())
			.data()).extracting(ChatCompletion::id).containsExactly(ids.get(3), ids.get(4));
		Page<ChatCompletion> none = chat().list(ListChatCompletionsParams.builder().metadata("run", "other").build());
		assertThat(none.data()).isEmpty();
		assertThat(none.firstId()).isNull();
		assertThat(none.hasMore()).isFalse();
	}

	@Test
	void listsTheStoredInputMessagesPageByPage() {
		String id = chat()
			.create(ChatCompletionRequest.builder()
				.messages(List.of(ChatMessage.developer("Be terse."), ChatMessage.user("Name a planet."),
						ChatMessage.assistant("Mars."), ChatMessage.user("And a moon?")))
				.store(true)
				.build())
			.id();
		Page<StoredMessage> page = chat().listMessages(id);
		assertThat(page.data()).extracting(StoredMessage::role)
			.containsExactly("developer", "user", "assistant", "user");
		assertThat(page.data()).extracting(StoredMessage::text)
			.containsExactly("Be terse.", "Name a planet.", "Mars.", "And a moon?");
		assertThat(page.data()).extracting(StoredMessage::id)
			.containsExactly(id + "-0", id + "-1", id + "-2", id + "-3");
		try (Stream<StoredMessage> all = chat().listAllMessages(id, ListMessagesParams.builder().limit(1).build())) {
			assertThat(all.map(StoredMessage::text)).containsExactly("Be terse.", "Name a planet.", "Mars.",
					"And a moon?");
		}
		Page<StoredMessage> newest = chat().listMessages(id,
				ListMessagesParams.builder().order(SortOrder.DESC).limit(2).build());
		assertThat(newest.data()).extracting(StoredMessage::text).containsExactly("And a moon?", "Mars.");
		assertThat(newest.hasMore()).isTrue();
	}

	@Test
	void answersUnknownIdsWithNotFound() {
		assertNotFound(() -> chat().retrieve("chatcmpl-missing"), "chatcmpl-missing");
		assertNotFound(() -> chat().update("chatcmpl-missing", Map.of("a", "b")), "chatcmpl-missing");
		assertNotFound(() -> chat().delete("chatcmpl-missing"), "chatcmpl-missing");
		assertNotFound(() -> chat().listMessages("chatcmpl-missing"), "chatcmpl-missing");
	}

	private static void assertNotFound(Runnable call, String id) {
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(call::run).satisfies((ex) -> {
			assertThat(ex.statusCode().value()).isEqualTo(404);
			assertThat(ex.errorType()).isEqualTo("invalid_request_error");
			assertThat(ex.errorMessage()).contains("'" + id + "'");
			assertThat(ex.requestId()).startsWith("req_");
		});
	}

	@Test
	void refusesAMissingOrWrongApiKey() {
		assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> chat("").list()).satisfies((ex) -> {
			assertThat(ex.statusCode().value()).isEqualTo(401);
			assertThat(ex.errorType()).isEqualTo("invalid_request_error");
			assertThat(ex.errorCode()).isNull();
			assertThat(ex.errorMessage()).startsWith("You didn't provide an API key.");
		});
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> chat(WRONG_API_KEY).create(List.of(ChatMessage.user("hi"))))
			.satisfies((ex) -> {
				assertThat(ex.statusCode().value()).isEqualTo(401);
				assertThat(ex.errorType()).isEqualTo("invalid_request_error");
				assertThat(ex.errorCode()).isEqualTo("invalid_api_key");
				assertThat(ex.errorMessage()).startsWith("Incorrect API key provided: ").doesNotContain(WRONG_API_KEY);
			});
	}

	@Test
	void appliesInjectedFaults() {
		failNextRequest(429, "retry-after-ms", "50");
		assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> chat().list()).satisfies((ex) -> {
			assertThat(ex.statusCode().value()).isEqualTo(429);
			assertThat(ex.headers().getFirst("retry-after-ms")).isEqualTo("50");
			assertThat(ex.requestId()).startsWith("req_");
		});
		assertThat(chat().list().data()).isEmpty();
		failNextStreamAfter(2);
		List<String> received = new ArrayList<>();
		assertThatExceptionOfType(OpenAiStreamException.class)
			.isThrownBy(() -> chat().stream(ChatCompletionRequest.of(List.of(ChatMessage.user("one two three"))),
					(chunk) -> received.add(chunk.text())))
			.satisfies((ex) -> assertThat(ex.error().type()).isEqualTo("server_error"));
		// a role chunk, then the first word (the fakes cut words with the spaces before
		// or after them)
		assertThat(received).hasSize(2).first().isEqualTo("");
		assertThat(received.get(1).strip()).isEqualTo("echo:");
	}

}
