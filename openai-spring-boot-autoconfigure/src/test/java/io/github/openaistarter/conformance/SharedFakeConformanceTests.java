package io.github.openaistarter.conformance;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsTemplate;
import io.github.openaistarter.chat.model.AssistantMessage;
import io.github.openaistarter.chat.model.AudioOutput;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ContentPart;
import io.github.openaistarter.chat.model.CustomToolDefinition;
import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;
import io.github.openaistarter.chat.model.ModerationOptions;
import io.github.openaistarter.chat.model.Page;
import io.github.openaistarter.chat.model.Prediction;
import io.github.openaistarter.chat.model.PromptCacheBreakpoint;
import io.github.openaistarter.chat.model.PromptCacheOptions;
import io.github.openaistarter.chat.model.ReasoningEffort;
import io.github.openaistarter.chat.model.ResponseFormat;
import io.github.openaistarter.chat.model.ServiceTier;
import io.github.openaistarter.chat.model.SortOrder;
import io.github.openaistarter.chat.model.StoredMessage;
import io.github.openaistarter.chat.model.StreamOptions;
import io.github.openaistarter.chat.model.TextPart;
import io.github.openaistarter.chat.model.Tool;
import io.github.openaistarter.chat.model.ToolCall;
import io.github.openaistarter.chat.model.ToolChoice;
import io.github.openaistarter.chat.model.Verbosity;
import io.github.openaistarter.chat.model.WebSearchOptions;
import io.github.openaistarter.chat.stream.ChatCompletionAccumulator;
import io.github.openaistarter.core.AuthenticationException;
import io.github.openaistarter.core.InternalServerException;
import io.github.openaistarter.core.NotFoundException;
import io.github.openaistarter.core.OpenAiDecodingException;
import io.github.openaistarter.core.OpenAiIoException;
import io.github.openaistarter.core.OpenAiStreamException;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.RateLimitException;
import io.github.openaistarter.core.RetryPolicy;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every operation, streaming and each request-field family against
 * {@code ../shared/openai-fake}, which checks each request against the official OpenAPI
 * description; the run must end with no violation.
 */
@Timeout(60)
class SharedFakeConformanceTests {

	private static final Map<String, Object> WEATHER_SCHEMA = Map.of("type", "object", "properties",
			Map.of("city", Map.of("type", "string")), "required", List.of("city"), "additionalProperties", false);

	private static SharedOpenAiFake fake;

	private static ChatCompletionsOperations chat;

	private static ReactiveChatCompletionsOperations reactiveChat;

	@BeforeAll
	static void startFake() throws Exception {
		fake = SharedOpenAiFake.start();
		OpenAiTransport transport = fake.transport("sk-conformance")
			.header("OpenAI-Organization", "org-conformance")
			.header("OpenAI-Project", "proj-conformance")
			.build();
		ChatCompletionsClient client = new ChatCompletionsClient(transport, Map.of("model", "gpt-4.1-mini"));
		chat = new ChatCompletionsTemplate(client);
		reactiveChat = new ReactiveChatCompletionsTemplate(client);
	}

	@AfterAll
	static void noViolations() throws Exception {
		if (fake == null) {
			return;
		}
		try {
			JsonNode violations = fake.violations();
			assertThat(violations.size()).as("requests that broke the OpenAPI description: %s", violations).isZero();
			assertThat(fake.requests().size()).isGreaterThan(40);
		}
		finally {
			fake.close();
		}
	}

	@Test
	void storedCompletionLifecycleBlocking() {
		String tag = "lifecycle & blocking = é+1";
		List<ChatMessage> messages = new ArrayList<>(
				List.of(ChatMessage.system("You are terse."), ChatMessage.user("Name a planet.")));
		ChatCompletion first = chat.create(ChatCompletionRequest.builder()
			.messages(messages)
			.store(true)
			.metadata(Map.of("run", tag, "step", "first"))
			.build());
		assertThat(first.text()).isEqualTo("echo: Name a planet.");
		assertThat(first.metadata()).containsEntry("run", tag);
		messages.add(first.message());
		messages.add(ChatMessage.user("And its moon?"));
		StringBuilder printed = new StringBuilder();
		ChatCompletion streamed = chat.stream(ChatCompletionRequest.builder().messages(messages).build(),
				(chunk) -> printed.append(chunk.text()));
		assertThat(printed).hasToString("echo: And its moon?");
		assertThat(streamed.text()).isEqualTo("echo: And its moon?");
		assertThat(streamed.usage()).isNotNull();
		assertThat(streamed.choice().finishReason()).isEqualTo(FinishReason.STOP);

		assertThat(chat.retrieve(first.id()).text()).isEqualTo(first.text());
		assertThat(chat.update(first.id(), Map.of("run", tag, "step", "updated")).metadata()).containsEntry("step",
				"updated");
		Page<ChatCompletion> page = chat
			.list(ListChatCompletionsParams.builder().metadata("run", tag).metadata("step", "updated").build());
		assertThat(page.data()).extracting(ChatCompletion::id).containsExactly(first.id());
		assertThat(
				chat.list(ListChatCompletionsParams.builder().metadata("run", tag).model("other-model").build()).data())
			.isEmpty();
		assertThat(chat.listMessages(first.id()).data()).extracting(StoredMessage::text)
			.containsExactly("You are terse.", "Name a planet.");
		assertThat(chat.delete(first.id()).deleted()).isTrue();
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> chat.retrieve(first.id()))
			.satisfies((ex) -> assertThat(ex.requestId()).isNotBlank());
	}

	@Test
	void pagingWalksEveryPageInBothOrders() {
		String run = "paging " + System.nanoTime();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(chat
				.create(ChatCompletionRequest.builder()
					.message(ChatMessage.user("item " + i))
					.store(true)
					.metadata(Map.of("run", run))
					.build())
				.id());
		}
		ListChatCompletionsParams params = ListChatCompletionsParams.builder().metadata("run", run).limit(2).build();
		try (Stream<ChatCompletion> all = chat.listAll(params)) {
			assertThat(all.map(ChatCompletion::id)).containsExactlyElementsOf(ids);
		}
		StepVerifier
			.create(reactiveChat
				.listAll(
						ListChatCompletionsParams.builder().metadata("run", run).limit(3).order(SortOrder.DESC).build())
				.map(ChatCompletion::id))
			.expectNext(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0))
			.verifyComplete();
		List<StoredMessage> messages;
		String conversation = chat
			.create(ChatCompletionRequest.builder()
				.messages(List.of(ChatMessage.developer("d"), ChatMessage.user("u1"), ChatMessage.assistant("a1"),
						ChatMessage.user("u2")))
				.store(true)
				.build())
			.id();
		try (Stream<StoredMessage> all = chat.listAllMessages(conversation,
				ListMessagesParams.builder().limit(1).build())) {
			messages = all.toList();
		}
		assertThat(messages).extracting(StoredMessage::text).containsExactly("d", "u1", "a1", "u2");
		assertThat(chat.listMessages(conversation, ListMessagesParams.builder().order(SortOrder.DESC).limit(2).build())
			.data()).extracting(StoredMessage::text).containsExactly("u2", "a1");
	}

	@Test
	void listWithEveryParameterAndMetadataFiltersThatNeedEncoding() throws Exception {
		String run = "every parameter " + System.nanoTime();
		Map<String, String> metadata = Map.of("run", run, "team name", "R&D = ü+1", "a&b=c", "x y");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ids.add(chat
				.create(ChatCompletionRequest.builder()
					.model("gpt-4.1-mini")
					.message(ChatMessage.user("stored " + i))
					.store(true)
					.metadata(metadata)
					.build())
				.id());
		}
		ListChatCompletionsParams.Builder params = ListChatCompletionsParams.builder()
			.model("gpt-4.1-mini")
			.metadata(metadata)
			.limit(2);
		Page<ChatCompletion> ascending = chat.list(params.after(ids.get(0)).order(SortOrder.ASC).build());
		assertThat(ascending.data()).extracting(ChatCompletion::id).containsExactly(ids.get(1), ids.get(2));
		assertThat(ascending.hasMore()).isTrue();
		assertThat(ascending.firstId()).isEqualTo(ids.get(1));
		assertThat(ascending.lastId()).isEqualTo(ids.get(2));
		assertThat(lastQuery("/v1/chat/completions")).containsExactlyInAnyOrder("model=gpt-4.1-mini",
				"metadata[run]=" + run, "metadata[team name]=R&D = ü+1", "metadata[a&b=c]=x y", "limit=2",
				"after=" + ids.get(0), "order=asc");
		Page<ChatCompletion> descending = chat.list(params.after(ids.get(3)).order(SortOrder.DESC).build());
		assertThat(descending.data()).extracting(ChatCompletion::id).containsExactly(ids.get(2), ids.get(1));
		assertThat(chat.list(params.after(null).metadata("team name", "R&D").build()).data()).isEmpty();
		assertThat(chat.list(ListChatCompletionsParams.builder().metadata("run", run).model("gpt-4o").build()).data())
			.isEmpty();
	}

	@Test
	void listMessagesWithEveryParameter() throws Exception {
		String id = chat
			.create(ChatCompletionRequest.builder()
				.messages(List.of(ChatMessage.developer("m0"), ChatMessage.user("m1"), ChatMessage.assistant("m2"),
						ChatMessage.user("m3"), ChatMessage.user("m4")))
				.store(true)
				.build())
			.id();
		List<StoredMessage> all = chat.listMessages(id).data();
		assertThat(all).extracting(StoredMessage::text).containsExactly("m0", "m1", "m2", "m3", "m4");
		assertThat(all).extracting(StoredMessage::role)
			.containsExactly("developer", "user", "assistant", "user", "user");
		Page<StoredMessage> ascending = chat.listMessages(id,
				ListMessagesParams.builder().after(all.get(1).id()).limit(2).order(SortOrder.ASC).build());
		assertThat(ascending.data()).extracting(StoredMessage::text).containsExactly("m2", "m3");
		assertThat(ascending.hasMore()).isTrue();
		assertThat(lastQuery("/v1/chat/completions/" + id + "/messages"))
			.containsExactlyInAnyOrder("after=" + all.get(1).id(), "limit=2", "order=asc");
		Page<StoredMessage> descending = chat.listMessages(id,
				ListMessagesParams.builder().after(all.get(3).id()).limit(5).order(SortOrder.DESC).build());
		assertThat(descending.data()).extracting(StoredMessage::text).containsExactly("m2", "m1", "m0");
		assertThat(descending.hasMore()).isFalse();
	}

	/**
	 * The query parameters of the last request the fake received on a path, each decoded
	 * as {@code name=value}: proof of how the client encoded them.
	 */
	private static List<String> lastQuery(String path) throws Exception {
		JsonNode last = null;
		for (JsonNode request : fake.requests()) {
			if (path.equals(request.path("path").asString())) {
				last = request;
			}
		}
		assertThat(last).as("a request to %s", path).isNotNull();
		List<String> parameters = new ArrayList<>();
		String query = last.path("query").asString().replaceFirst("^\\?", "");
		for (String parameter : query.split("&")) {
			String[] nameAndValue = parameter.split("=", 2);
			parameters.add(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8) + "="
					+ URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
		}
		return parameters;
	}

	@Test
	void reactiveLifecycle() {
		ChatCompletion created = reactiveChat
			.create(ChatCompletionRequest.builder()
				.message(ChatMessage.user("reactive hello"))
				.store(true)
				.metadata(Map.of("flavour", "reactive"))
				.build())
			.block();
		assertThat(created).isNotNull();
		StepVerifier.create(reactiveChat.retrieve(created.id()).map(ChatCompletion::text))
			.expectNext("echo: reactive hello")
			.verifyComplete();
		StepVerifier.create(reactiveChat.update(created.id(), Map.of("flavour", "still reactive")))
			.assertNext((updated) -> assertThat(updated.metadata()).containsEntry("flavour", "still reactive"))
			.verifyComplete();
		StepVerifier.create(reactiveChat.listMessages(created.id()).map((page) -> page.data().size()))
			.expectNext(1)
			.verifyComplete();
		StepVerifier
			.create(ChatCompletionAccumulator
				.accumulate(reactiveChat.stream(ChatCompletionRequest.of(List.of(ChatMessage.user("stream me")))))
				.map(ChatCompletion::text))
			.expectNext("echo: stream me")
			.verifyComplete();
		StepVerifier.create(reactiveChat.withResponse().delete(created.id())).assertNext((response) -> {
			assertThat(response.body().deleted()).isTrue();
			assertThat(response.requestId()).isNotBlank();
			assertThat(response.rateLimit().remainingRequests()).isNotNull();
		}).verifyComplete();
	}

	@Test
	void toolCallRoundTrip() {
		List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.user("Please call the weather tool")));
		ChatCompletionRequest.Builder request = ChatCompletionRequest.builder()
			.tool(Tool.function("get_weather", "Weather in a city", WEATHER_SCHEMA));
		ChatCompletion called = chat.create(request.messages(messages).build());
		assertThat(called.choice().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		ToolCall call = called.message().toolCalls().get(0);
		assertThat(call.function().name()).isEqualTo("get_weather");
		messages.add(called.message());
		messages.add(ChatMessage.tool(call.id(), "{\"celsius\": 21}"));
		messages.add(ChatMessage.user("Thanks"));
		assertThat(chat.create(request.messages(messages).toolChoice(ToolChoice.NONE).build()).text())
			.isEqualTo("echo: Thanks");
		ChatCompletion streamedCall = chat.stream(
				request.messages(List.of(ChatMessage.user("call it"))).toolChoice(ToolChoice.REQUIRED).build(),
				(chunk) -> {
				});
		ToolCall streamed = streamedCall.message().toolCalls().get(0);
		assertThat(streamed.id()).isNotBlank();
		assertThat(streamed.function().arguments()).startsWith("{").endsWith("}");
	}

	@Test
	void everyMessageRoleAndContentPart() {
		ChatCompletion completion = chat.create(ChatCompletionRequest.builder()
			.message(ChatMessage.developer("Follow the rules.").withName("dev"))
			.message(ChatMessage.system("Be brief."))
			.message(io.github.openaistarter.chat.model.SystemMessage.of(List.of(ContentPart.text("System part."))))
			.message(ChatMessage.user(ContentPart.text("Look:"),
					ContentPart.imageUrl("https://example.com/a.png", "low"),
					ContentPart.inputAudio("UklGRiQAAABXQVZF", "wav"), ContentPart.fileId("file-abc"),
					ContentPart.fileData("notes.pdf", "data:application/pdf;base64,JVBERi0="),
					new TextPart("cached prefix", PromptCacheBreakpoint.EXPLICIT)))
			.message(AssistantMessage.builder()
				.content(List.of(ContentPart.text("Part one."), ContentPart.refusal("Not that.")))
				.name("helper")
				.build())
			.message(AssistantMessage.builder()
				.toolCall(ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"))
				.build())
			.message(ChatMessage.tool("call_1", "{\"celsius\":21}"))
			.message(io.github.openaistarter.chat.model.ToolMessage.of("call_1", List.of(ContentPart.text("parts"))))
			.message(ChatMessage.user("What now?").withName("alice"))
			.build());
		assertThat(completion.text()).isEqualTo("echo: What now?");
	}

	@Test
	void everyToolChoiceAndToolKind() {
		List<ToolChoice> choices = List.of(ToolChoice.NONE, ToolChoice.AUTO, ToolChoice.REQUIRED,
				ToolChoice.function("get_weather"), ToolChoice.custom("sql"), ToolChoice.allowedTools("auto",
						List.of(Map.of("type", "function", "function", Map.of("name", "get_weather")))));
		for (ToolChoice choice : choices) {
			ChatCompletion completion = chat.create(ChatCompletionRequest.builder()
				.message(ChatMessage.user("What is the weather?"))
				.tool(Tool.function(io.github.openaistarter.chat.model.FunctionDefinition
					.of("get_weather", "Weather", WEATHER_SCHEMA)
					.withStrict()))
				.tool(Tool.custom(new CustomToolDefinition("sql", "Runs SQL",
						CustomToolDefinition.Format.grammar("lark", "start: \"SELECT\""))))
				.tool(Tool.custom(new CustomToolDefinition("notes", null, CustomToolDefinition.Format.text())))
				.toolChoice(choice)
				.parallelToolCalls(false)
				.build());
			assertThat(completion.choices()).as(choice.toString()).hasSize(1);
		}
	}

	@Test
	void everyResponseFormatAndSamplingOption() {
		// the fake answers text with an echo, json_object with {"echo": ...}, json_schema
		// with JSON made from the schema
		Map<ResponseFormat, String> answers = new LinkedHashMap<>();
		answers.put(ResponseFormat.text(), "echo: json please");
		answers.put(ResponseFormat.jsonObject(), "{\"echo\":\"json please\"}");
		answers.put(ResponseFormat.jsonSchema("planet", Map.of("type", "object", "properties",
				Map.of("name", Map.of("type", "string")), "required", List.of("name"), "additionalProperties", false)),
				"{\"name\":\"json please\"}");
		answers.put(ResponseFormat
			.jsonSchema(new ResponseFormat.JsonSchema("loose", "Any object", Map.of("type", "object"), false)), "{}");
		answers.forEach((format, answer) -> assertThat(chat.create(
				ChatCompletionRequest.builder().message(ChatMessage.user("json please")).responseFormat(format).build())
			.text()).as(format.toString()).isEqualTo(answer));
		ChatCompletion sampled = chat.create(ChatCompletionRequest.builder()
			.model("gpt-4o")
			.message(ChatMessage.user("sample"))
			.temperature(0.4)
			.topP(0.9)
			.n(2)
			.stop("END")
			.maxCompletionTokens(50)
			.presencePenalty(0.1)
			.frequencyPenalty(-0.1)
			.logitBias(Map.of("50256", -100))
			.logprobs(true)
			.topLogprobs(2)
			.seed(42L)
			.safetyIdentifier("user-hash-1")
			.promptCacheKey("cache-key")
			.promptCacheOptions(new PromptCacheOptions("30m", "implicit"))
			.serviceTier(ServiceTier.FLEX)
			.build());
		assertThat(sampled.choices()).hasSize(2);
		assertThat(chat
			.create(ChatCompletionRequest.builder()
				.message(ChatMessage.user("stops"))
				.stop(List.of("a", "b"))
				.reasoningEffort(ReasoningEffort.LOW)
				.verbosity(Verbosity.HIGH)
				.extraBody("some_future_flag", true)
				.build())
			.text()).isEqualTo("echo: stops");
	}

	@Test
	void audioPredictionWebSearchAndModeration() {
		assertThat(chat
			.create(ChatCompletionRequest.builder()
				.model("gpt-4o-audio-preview")
				.message(ChatMessage.user("say it"))
				.modalities(List.of("text", "audio"))
				.audio(AudioOutput.of("alloy", "wav"))
				.build())
			.text()).isEqualTo("echo: say it");
		assertThat(chat
			.create(ChatCompletionRequest.builder()
				.message(ChatMessage.user("custom voice"))
				.modalities(List.of("text", "audio"))
				.audio(AudioOutput.customVoice("voice_123", "mp3"))
				.build())
			.text()).isEqualTo("echo: custom voice");
		assertThat(chat
			.create(ChatCompletionRequest.builder()
				.message(ChatMessage.user("edit this"))
				.prediction(Prediction.content("class A {}"))
				.build())
			.text()).isEqualTo("echo: edit this");
		assertThat(chat
			.create(ChatCompletionRequest.builder()
				.message(ChatMessage.user("edit parts"))
				.prediction(Prediction.content(List.of(ContentPart.text("class B {}"))))
				.build())
			.text()).isEqualTo("echo: edit parts");
		assertThat(chat.create(ChatCompletionRequest.builder()
			.model("gpt-4o-search-preview")
			.message(ChatMessage.user("news"))
			.webSearchOptions(new WebSearchOptions(WebSearchOptions.UserLocation
				.approximate(new WebSearchOptions.ApproximateLocation("FR", "IDF", "Paris", "Europe/Paris")), "low"))
			.build()).text()).isEqualTo("echo: news");
		assertThat(chat
			.create(ChatCompletionRequest.builder()
				.message(ChatMessage.user("moderate"))
				.moderation(new ModerationOptions("omni-moderation-latest",
						new ModerationOptions.Policy(new ModerationOptions.Mode("score"), null)))
				.build())
			.text()).isEqualTo("echo: moderate");
	}

	@Test
	void streamOptionsAreSentAsGiven() {
		try (Stream<ChatCompletionChunk> chunks = chat.stream(ChatCompletionRequest.builder()
			.message(ChatMessage.user("no usage please"))
			.streamOptions(new StreamOptions(false, true))
			.build())) {
			assertThat(chunks.filter((chunk) -> chunk.usage() != null)).isEmpty();
		}
		try (Stream<ChatCompletionChunk> chunks = chat
			.stream(ChatCompletionRequest.of(List.of(ChatMessage.user("usage by default"))))) {
			assertThat(chunks.filter((chunk) -> chunk.usage() != null)).hasSize(1);
		}
	}

	@Test
	void faultsBecomeTypedExceptions() throws Exception {
		ChatCompletionRequest request = ChatCompletionRequest.of(List.of(ChatMessage.user("faulty")));
		fake.fault(
				"""
						{"method":"POST","path":"/chat/completions","status":429,"headers":{"retry-after-ms":"50"},
						 "body":{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}}""");
		assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> chat.create(request)).satisfies((ex) -> {
			assertThat(ex.errorCode()).isEqualTo("rate_limit_exceeded");
			assertThat(ex.headers().getFirst("retry-after-ms")).isEqualTo("50");
		});
		fake.fault("{\"path\":\"/chat/completions\",\"sseErrorAfter\":2}");
		assertThatExceptionOfType(OpenAiStreamException.class).isThrownBy(() -> chat.stream(request, (chunk) -> {
		})).satisfies((ex) -> assertThat(ex.error().type()).isEqualTo("server_error"));
		fake.fault("{\"path\":\"/chat/completions\",\"sseCutAfter\":2,\"chunkDelayMs\":30}");
		assertThatExceptionOfType(OpenAiStreamException.class).isThrownBy(() -> chat.stream(request, (chunk) -> {
		})).withMessageContaining("[DONE]").satisfies((ex) -> assertThat(ex.requestId()).isNotBlank());
		fake.fault("{\"path\":\"/chat/completions\",\"malformed\":true}");
		assertThatExceptionOfType(OpenAiDecodingException.class).isThrownBy(() -> chat.create(request));
		fake.fault("{\"path\":\"/chat/completions\",\"reset\":true}");
		assertThatExceptionOfType(OpenAiIoException.class).isThrownBy(() -> chat.create(request));
		OpenAiTransport badKey = OpenAiTransport.builder(new ReactorClientHttpConnector())
			.baseUrl(fake.baseUrl())
			.apiKey("sk-invalid")
			.build();
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> new ChatCompletionsTemplate(new ChatCompletionsClient(badKey, Map.of("model", "gpt-4o")))
				.create(request))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("invalid_api_key"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("sk-invalid"));
	}

	@Test
	void retriedFaultsReachTheFakeOncePerAttempt() throws Exception {
		OpenAiTransport retrying = OpenAiTransport.builder(new ReactorClientHttpConnector())
			.baseUrl(fake.baseUrl())
			.apiKey("sk-conformance")
			.retryPolicy(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2)))
			.build();
		ChatCompletionsOperations retryingChat = new ChatCompletionsTemplate(
				new ChatCompletionsClient(retrying, Map.of("model", "gpt-4.1-mini")));

		fake.fault("{\"method\":\"POST\",\"path\":\"/chat/completions\",\"status\":503}");
		assertThat(retryingChat.create(ChatCompletionRequest.of(List.of(ChatMessage.user("retry after 503")))).text())
			.isEqualTo("echo: retry after 503");
		assertThat(attemptsSeen("retry after 503")).isEqualTo(2);

		fake.fault("{\"path\":\"/chat/completions\",\"status\":429,\"headers\":{\"retry-after-ms\":\"30\"}}");
		assertThat(retryingChat
			.stream(ChatCompletionRequest.of(List.of(ChatMessage.user("stream after 429"))), (chunk) -> {
			})
			.text()).isEqualTo("echo: stream after 429");
		assertThat(attemptsSeen("stream after 429")).isEqualTo(2);

		fake.fault("{\"path\":\"/chat/completions\",\"reset\":true}");
		assertThat(retryingChat.create(ChatCompletionRequest.of(List.of(ChatMessage.user("retry after reset")))).text())
			.isEqualTo("echo: retry after reset");
		assertThat(attemptsSeen("retry after reset")).isEqualTo(2);

		// the chunk delay lets the two chunks reach the client before the fake drops the
		// connection
		fake.fault("{\"path\":\"/chat/completions\",\"sseCutAfter\":2,\"chunkDelayMs\":30}");
		assertThatExceptionOfType(OpenAiStreamException.class).isThrownBy(() -> retryingChat
			.stream(ChatCompletionRequest.of(List.of(ChatMessage.user("cut stream stays cut"))), (chunk) -> {
			}));
		assertThat(attemptsSeen("cut stream stays cut")).isEqualTo(1);

		// a stored create is retried like any create by default, and not when told to
		// keep it strict
		fake.fault("{\"path\":\"/chat/completions\",\"status\":500}");
		assertThat(retryingChat
			.create(ChatCompletionRequest.builder()
				.message(ChatMessage.user("stored create is retried"))
				.store(true)
				.build())
			.text()).isEqualTo("echo: stored create is retried");
		assertThat(attemptsSeen("stored create is retried")).isEqualTo(2);
		ChatCompletionsOperations strictChat = new ChatCompletionsTemplate(new ChatCompletionsClient(OpenAiTransport
			.builder(new ReactorClientHttpConnector())
			.baseUrl(fake.baseUrl())
			.apiKey("sk-conformance")
			.retryPolicy(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2)))
			.retryStoredCreates(false)
			.build(), Map.of("model", "gpt-4.1-mini")));
		fake.fault("{\"path\":\"/chat/completions\",\"status\":500}");
		assertThatExceptionOfType(InternalServerException.class)
			.isThrownBy(() -> strictChat.create(ChatCompletionRequest.builder()
				.message(ChatMessage.user("strict stored create is not repeated"))
				.store(true)
				.build()))
			.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(1));
		assertThat(attemptsSeen("strict stored create is not repeated")).isEqualTo(1);
	}

	/** The requests the fake received whose body carries the given text. */
	private static long attemptsSeen(String text) throws Exception {
		return fake.requests()
			.valueStream()
			.filter((request) -> request.path("body").asString("").contains("\"" + text + "\""))
			.count();
	}

}
