package io.github.openaistarter.chat.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.core.OpenAiJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the JSON of {@link ChatCompletionRequest}, as written by
 * {@link OpenAiJson#createMapper()}.
 */
class ChatCompletionRequestJsonTests {

	private final JsonMapper mapper = OpenAiJson.createMapper();

	@Test
	void minimalRequestSendsOnlyModelAndMessages() throws Exception {
		ChatCompletionRequest request = ChatCompletionRequest.of("gpt-4.1-mini", List.of(ChatMessage.user("Hi")));
		assertJson(request, """
				{"model": "gpt-4.1-mini", "messages": [{"role": "user", "content": "Hi"}]}""");
	}

	@Test
	void requestWithoutModelSendsOnlyMessages() throws Exception {
		ChatCompletionRequest request = ChatCompletionRequest.of(List.of(ChatMessage.user("Hi")));
		assertJson(request, """
				{"messages": [{"role": "user", "content": "Hi"}]}""");
	}

	@Test
	void fieldSetToNullIsRemoved() throws Exception {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(ChatMessage.user("Hi"))
			.temperature(0.5)
			.temperature(null)
			.store(true)
			.store(null)
			.stop("x")
			.stop((String) null)
			.tools(List.of(Tool.function("f", null, null)))
			.tools(null)
			.build();
		assertJson(request, """
				{"messages": [{"role": "user", "content": "Hi"}]}""");
	}

	@Test
	void everyRoleIsWritten() throws Exception {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.model("gpt-4.1")
			.message(ChatMessage.developer("Follow the house style."))
			.message(ChatMessage.system("You are terse.").withName("narrator"))
			.message(ChatMessage.user("What is the weather in Paris?").withName("alice"))
			.message(AssistantMessage.builder()
				.toolCall(ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"))
				.build())
			.message(ChatMessage.tool("call_1", "{\"celsius\":21}"))
			.message(ChatMessage.assistant("It is 21 degrees."))
			.build();
		assertJson(request, """
				{"model": "gpt-4.1", "messages": [
				  {"role": "developer", "content": "Follow the house style."},
				  {"role": "system", "content": "You are terse.", "name": "narrator"},
				  {"role": "user", "content": "What is the weather in Paris?", "name": "alice"},
				  {"role": "assistant", "tool_calls": [{"id": "call_1", "type": "function",
				    "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}}]},
				  {"role": "tool", "tool_call_id": "call_1", "content": "{\\"celsius\\":21}"},
				  {"role": "assistant", "content": "It is 21 degrees."}
				]}""");
	}

	@Test
	void contentPartsAreWrittenWithTheirTypes() throws Exception {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(DeveloperMessage.of(List.of(ContentPart.text("Dev part"))))
			.message(SystemMessage.of(List.of(new TextPart("Long shared prefix", PromptCacheBreakpoint.EXPLICIT))))
			.message(ChatMessage.user(ContentPart.text("Describe these."),
					ContentPart.imageUrl("https://example.com/cat.png"),
					ContentPart.imageUrl("data:image/png;base64,AAAA", "high"),
					new ImagePart(new ImagePart.ImageUrl("https://example.com/dog.png", "low"),
							PromptCacheBreakpoint.EXPLICIT),
					ContentPart.inputAudio("UklGRg==", "wav"), ContentPart.fileId("file-123"),
					ContentPart.fileData("report.pdf", "data:application/pdf;base64,JVBERi0=")))
			.message(AssistantMessage.builder()
				.content(List.of(ContentPart.text("Partly"), ContentPart.refusal("I cannot describe faces")))
				.build())
			.message(ToolMessage.of("call_9", List.of(ContentPart.text("result"))))
			.build();
		assertJson(request,
				"""
						{"messages": [
						  {"role": "developer", "content": [{"type": "text", "text": "Dev part"}]},
						  {"role": "system", "content": [{"type": "text", "text": "Long shared prefix",
						    "prompt_cache_breakpoint": {"mode": "explicit"}}]},
						  {"role": "user", "content": [
						    {"type": "text", "text": "Describe these."},
						    {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}},
						    {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA", "detail": "high"}},
						    {"type": "image_url", "image_url": {"url": "https://example.com/dog.png", "detail": "low"},
						      "prompt_cache_breakpoint": {"mode": "explicit"}},
						    {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}},
						    {"type": "file", "file": {"file_id": "file-123"}},
						    {"type": "file", "file": {"filename": "report.pdf", "file_data": "data:application/pdf;base64,JVBERi0="}}
						  ]},
						  {"role": "assistant", "content": [{"type": "text", "text": "Partly"},
						    {"type": "refusal", "refusal": "I cannot describe faces"}]},
						  {"role": "tool", "tool_call_id": "call_9", "content": [{"type": "text", "text": "result"}]}
						]}""");
	}

	@Test
	void unknownContentPartIsWrittenAsItCame() throws Exception {
		UnknownContentPart part = new UnknownContentPart("video_url",
				Map.of("video_url", Map.of("url", "https://example.com/v.mp4")));
		ChatCompletionRequest request = ChatCompletionRequest.builder().message(ChatMessage.user(part)).build();
		assertJson(request, """
				{"messages": [{"role": "user", "content": [
				  {"type": "video_url", "video_url": {"url": "https://example.com/v.mp4"}}]}]}""");
	}

	@Test
	void functionAndCustomToolsAreWritten() throws Exception {
		Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")),
				"required", List.of("city"), "additionalProperties", false);
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(ChatMessage.user("Hi"))
			.tool(Tool.function(FunctionDefinition.of("get_weather", "Current weather", schema).withStrict()))
			.tool(Tool.function("ping", null, null))
			.tool(Tool.custom(new CustomToolDefinition("sql", "Runs read-only SQL",
					CustomToolDefinition.Format.grammar("lark", "start: \"SELECT\" NAME"))))
			.tool(Tool.custom(new CustomToolDefinition("notes", null, CustomToolDefinition.Format.text())))
			.tool(Tool.custom(new CustomToolDefinition("free", null, null)))
			.build();
		assertJson(request,
				"""
						{"messages": [{"role": "user", "content": "Hi"}], "tools": [
						  {"type": "function", "function": {"name": "get_weather", "description": "Current weather",
						    "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
						      "required": ["city"], "additionalProperties": false}, "strict": true}},
						  {"type": "function", "function": {"name": "ping"}},
						  {"type": "custom", "custom": {"name": "sql", "description": "Runs read-only SQL",
						    "format": {"type": "grammar", "grammar": {"definition": "start: \\"SELECT\\" NAME", "syntax": "lark"}}}},
						  {"type": "custom", "custom": {"name": "notes", "format": {"type": "text"}}},
						  {"type": "custom", "custom": {"name": "free"}}
						]}""");
	}

	@Test
	void everyToolChoiceFormIsWritten() throws Exception {
		assertField("tool_choice", ToolChoice.NONE, "\"none\"");
		assertField("tool_choice", ToolChoice.AUTO, "\"auto\"");
		assertField("tool_choice", ToolChoice.REQUIRED, "\"required\"");
		assertField("tool_choice", ToolChoice.function("get_weather"), """
				{"type": "function", "function": {"name": "get_weather"}}""");
		assertField("tool_choice", ToolChoice.custom("sql"), """
				{"type": "custom", "custom": {"name": "sql"}}""");
		assertField("tool_choice",
				ToolChoice.allowedTools("required",
						List.of(Map.of("type", "function", "function", Map.of("name", "get_weather")),
								Map.of("type", "custom", "custom", Map.of("name", "sql")))),
				"""
						{"type": "allowed_tools", "allowed_tools": {"mode": "required", "tools": [
						  {"type": "function", "function": {"name": "get_weather"}},
						  {"type": "custom", "custom": {"name": "sql"}}]}}""");
	}

	@Test
	void everyResponseFormatIsWritten() throws Exception {
		assertField("response_format", ResponseFormat.text(), "{\"type\": \"text\"}");
		assertField("response_format", ResponseFormat.jsonObject(), "{\"type\": \"json_object\"}");
		assertField("response_format",
				ResponseFormat.jsonSchema("planet", Map.of("type", "object", "additionalProperties", false)), """
						{"type": "json_schema", "json_schema": {"name": "planet",
						  "schema": {"type": "object", "additionalProperties": false}, "strict": true}}""");
		assertField("response_format",
				ResponseFormat.jsonSchema(new ResponseFormat.JsonSchema("answer", "An answer", null, false)), """
						{"type": "json_schema", "json_schema": {"name": "answer", "description": "An answer",
						  "strict": false}}""");
		assertField("response_format",
				ResponseFormat.jsonSchema(new ResponseFormat.JsonSchema("bare", null, null, null)), """
						{"type": "json_schema", "json_schema": {"name": "bare"}}""");
	}

	@Test
	void audioAndModalitiesAreWritten() throws Exception {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(ChatMessage.user("Hi"))
			.modalities(List.of("text", "audio"))
			.audio(AudioOutput.of("alloy", "wav"))
			.build();
		assertJson(request, """
				{"messages": [{"role": "user", "content": "Hi"}], "modalities": ["text", "audio"],
				  "audio": {"voice": "alloy", "format": "wav"}}""");
		assertField("audio", AudioOutput.customVoice("voice_123", "mp3"), """
				{"voice": {"id": "voice_123"}, "format": "mp3"}""");
	}

	@Test
	void predictionIsWrittenAsStringOrParts() throws Exception {
		assertField("prediction", Prediction.content("class Foo {}"), """
				{"type": "content", "content": "class Foo {}"}""");
		assertField("prediction", Prediction.content(List.of(ContentPart.text("class Foo {"), ContentPart.text("}"))),
				"""
						{"type": "content", "content": [{"type": "text", "text": "class Foo {"},
						  {"type": "text", "text": "}"}]}""");
	}

	@Test
	void webSearchOptionsAreWritten() throws Exception {
		assertField("web_search_options",
				new WebSearchOptions(
						WebSearchOptions.UserLocation.approximate(
								new WebSearchOptions.ApproximateLocation("GB", null, "London", "Europe/London")),
						"low"),
				"""
						{"user_location": {"type": "approximate", "approximate": {"country": "GB", "city": "London",
						  "timezone": "Europe/London"}}, "search_context_size": "low"}""");
		assertField("web_search_options", new WebSearchOptions(null, null), "{}");
	}

	@Test
	void streamOptionsAreWritten() throws Exception {
		assertField("stream_options", StreamOptions.INCLUDE_USAGE, "{\"include_usage\": true}");
		assertField("stream_options", new StreamOptions(false, false), """
				{"include_usage": false, "include_obfuscation": false}""");
	}

	@Test
	void stopIsWrittenAsStringOrList() throws Exception {
		ChatCompletionRequest single = ChatCompletionRequest.builder()
			.message(ChatMessage.user("Hi"))
			.stop("END")
			.build();
		assertJson(single, """
				{"messages": [{"role": "user", "content": "Hi"}], "stop": "END"}""");
		ChatCompletionRequest list = ChatCompletionRequest.builder()
			.message(ChatMessage.user("Hi"))
			.stop(List.of("END", "STOP"))
			.build();
		assertJson(list, """
				{"messages": [{"role": "user", "content": "Hi"}], "stop": ["END", "STOP"]}""");
	}

	@Test
	@SuppressWarnings("deprecation")
	void everyScalarFieldIsWritten() throws Exception {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.model("gpt-5")
			.message(ChatMessage.user("Hi"))
			.store(true)
			.metadata(Map.of("customer", "acme"))
			.temperature(0.2)
			.topP(0.9)
			.n(2)
			.maxCompletionTokens(256)
			.maxTokens(128)
			.presencePenalty(0.5)
			.frequencyPenalty(-0.5)
			.logitBias(Map.of("50256", -100, "15496", 5))
			.logprobs(true)
			.topLogprobs(3)
			.seed(42L)
			.user("user-1")
			.safetyIdentifier("hash-of-user")
			.promptCacheKey("tenant-7")
			.promptCacheRetention("24h")
			.promptCacheOptions(new PromptCacheOptions("30m", "explicit"))
			.serviceTier(ServiceTier.FLEX)
			.reasoningEffort(ReasoningEffort.HIGH)
			.verbosity(Verbosity.LOW)
			.parallelToolCalls(false)
			.moderation(new ModerationOptions("omni-moderation-latest",
					new ModerationOptions.Policy(new ModerationOptions.Mode("block"),
							new ModerationOptions.Mode("score"))))
			.extraBody("custom_flag", Map.of("level", 3))
			.build();
		assertJson(request, """
				{"model": "gpt-5", "messages": [{"role": "user", "content": "Hi"}],
				  "store": true, "metadata": {"customer": "acme"},
				  "temperature": 0.2, "top_p": 0.9, "n": 2,
				  "max_completion_tokens": 256, "max_tokens": 128,
				  "presence_penalty": 0.5, "frequency_penalty": -0.5,
				  "logit_bias": {"50256": -100, "15496": 5},
				  "logprobs": true, "top_logprobs": 3, "seed": 42,
				  "user": "user-1", "safety_identifier": "hash-of-user",
				  "prompt_cache_key": "tenant-7", "prompt_cache_retention": "24h",
				  "prompt_cache_options": {"ttl": "30m", "mode": "explicit"},
				  "service_tier": "flex", "reasoning_effort": "high", "verbosity": "low",
				  "parallel_tool_calls": false,
				  "moderation": {"model": "omni-moderation-latest", "policy": {"input": {"mode": "block"},
				    "output": {"mode": "score"}}},
				  "custom_flag": {"level": 3}}""");
	}

	@Test
	void falseAndZeroValuesAreSent() throws Exception {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(ChatMessage.user("Hi"))
			.store(false)
			.temperature(0.0)
			.seed(0L)
			.logprobs(false)
			.parallelToolCalls(false)
			.build();
		assertJson(request, """
				{"messages": [{"role": "user", "content": "Hi"}], "store": false, "temperature": 0.0, "seed": 0,
				  "logprobs": false, "parallel_tool_calls": false}""");
	}

	@Test
	void partiallySetNestedOptionsLeaveTheirUnsetFieldsOut() throws Exception {
		assertField("prompt_cache_options", new PromptCacheOptions(null, "implicit"), "{\"mode\": \"implicit\"}");
		assertField("moderation", new ModerationOptions("omni-moderation-latest", null),
				"{\"model\": \"omni-moderation-latest\"}");
		assertField("moderation",
				new ModerationOptions("m", new ModerationOptions.Policy(null, new ModerationOptions.Mode("block"))),
				"{\"model\": \"m\", \"policy\": {\"output\": {\"mode\": \"block\"}}}");
	}

	@Test
	void openEnumValuesUnknownToTheLibraryAreSent() throws Exception {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(ChatMessage.user("Hi"))
			.serviceTier(ServiceTier.of("turbo"))
			.reasoningEffort(ReasoningEffort.of("ultra"))
			.verbosity(Verbosity.of("chatty"))
			.build();
		assertJson(request, """
				{"messages": [{"role": "user", "content": "Hi"}], "service_tier": "turbo",
				  "reasoning_effort": "ultra", "verbosity": "chatty"}""");
	}

	@Test
	void extraBodyValueIsWrittenAsIsAndNullRemovesIt() throws Exception {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(ChatMessage.user("Hi"))
			.extraBody("reasoning", Map.of("summary", "auto"))
			.extraBody("top_k", 40)
			.extraBody("gone", "soon")
			.extraBody("gone", null)
			.build();
		assertJson(request, """
				{"messages": [{"role": "user", "content": "Hi"}], "reasoning": {"summary": "auto"}, "top_k": 40}""");
	}

	@Test
	void requestReadBackFromItsJsonHasTheSameMessages() throws Exception {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(ChatMessage.system("Be brief."))
			.message(ChatMessage.user(ContentPart.text("Look"), ContentPart.imageUrl("https://example.com/a.png")))
			.build();
		String json = this.mapper.writeValueAsString(request);
		ChatMessage[] messages = this.mapper.readValue(this.mapper.readTree(json).get("messages").toString(),
				ChatMessage[].class);
		assertThat(messages).containsExactlyElementsOf(request.messages());
	}

	@Test
	void applicationNamingStrategyAndAlwaysInclusionDoNotChangeTheWireFormat() throws Exception {
		JsonMapper application = applicationMapper(PropertyNamingStrategies.UPPER_CAMEL_CASE,
				JsonInclude.Include.ALWAYS);
		ChatCompletionRequest request = everything();
		String expected = this.mapper.writeValueAsString(request);
		String actual = application.writeValueAsString(request);
		JSONAssert.assertEquals(expected, actual, JSONCompareMode.STRICT);
		assertThat(actual).doesNotContain("null")
			.contains("\"tool_call_id\"", "\"tool_calls\"", "\"prompt_cache_breakpoint\"", "\"image_url\"",
					"\"input_audio\"", "\"file_id\"", "\"json_schema\"", "\"include_usage\"", "\"user_location\"",
					"\"search_context_size\"")
			.doesNotContain("\"ToolCallId\"", "\"Role\"", "\"Type\"");
	}

	@Test
	void applicationSnakeCaseAndNonDefaultInclusionDoNotChangeTheWireFormat() throws Exception {
		JsonMapper application = applicationMapper(PropertyNamingStrategies.SNAKE_CASE,
				JsonInclude.Include.NON_DEFAULT);
		ChatCompletionRequest request = everything();
		JSONAssert.assertEquals(this.mapper.writeValueAsString(request), application.writeValueAsString(request),
				JSONCompareMode.STRICT);
	}

	@Test
	void applicationNonEmptyInclusionDoesNotChangeTheWireFormat() throws Exception {
		JsonMapper application = applicationMapper(PropertyNamingStrategies.LOWER_CAMEL_CASE,
				JsonInclude.Include.NON_EMPTY);
		ChatCompletionRequest request = everything();
		JSONAssert.assertEquals(this.mapper.writeValueAsString(request), application.writeValueAsString(request),
				JSONCompareMode.STRICT);
	}

	/**
	 * A mapper configured the way Spring Boot applies
	 * {@code spring.jackson.property-naming-strategy} and
	 * {@code spring.jackson.default-property-inclusion}.
	 */
	private static JsonMapper applicationMapper(PropertyNamingStrategy naming, JsonInclude.Include inclusion) {
		return JsonMapper.builder()
			.propertyNamingStrategy(naming)
			.changeDefaultPropertyInclusion(
					(include) -> include.withValueInclusion(inclusion).withContentInclusion(inclusion))
			.build();
	}

	@SuppressWarnings("deprecation")
	private static ChatCompletionRequest everything() {
		Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")),
				"required", List.of("city"), "additionalProperties", false);
		return ChatCompletionRequest.builder()
			.model("gpt-5")
			.message(ChatMessage.developer("Follow the house style."))
			.message(ChatMessage.system("You are terse.").withName("narrator"))
			.message(ChatMessage.user(new TextPart("Describe", PromptCacheBreakpoint.EXPLICIT),
					ContentPart.imageUrl("https://example.com/cat.png"), ContentPart.inputAudio("UklGRg==", "wav"),
					ContentPart.fileId("file-123"), ContentPart.fileData("a.pdf", "data:application/pdf;base64,JVBE")))
			.message(AssistantMessage.builder()
				.toolCall(ToolCall.function("call_1", "get_weather", "{}"))
				.audio(new AssistantAudio("audio_1", 1700000000L, "AAAA", "hello"))
				.build())
			.message(ChatMessage.tool("call_1", "{\"celsius\":21}"))
			.message(AssistantMessage.builder()
				.content(List.of(ContentPart.text("Partly"), ContentPart.refusal("No")))
				.build())
			.store(false)
			.metadata(Map.of("customer", "acme"))
			.temperature(0.0)
			.topP(1.0)
			.n(1)
			.stop(List.of("END"))
			.maxCompletionTokens(256)
			.maxTokens(128)
			.presencePenalty(0.0)
			.frequencyPenalty(0.0)
			.logitBias(Map.of("50256", 0))
			.logprobs(false)
			.topLogprobs(0)
			.seed(0L)
			.safetyIdentifier("hash")
			.promptCacheKey("tenant-7")
			.promptCacheOptions(new PromptCacheOptions("30m", null))
			.serviceTier(ServiceTier.DEFAULT)
			.reasoningEffort(ReasoningEffort.LOW)
			.verbosity(Verbosity.MEDIUM)
			.modalities(List.of("text", "audio"))
			.audio(AudioOutput.customVoice("voice_1", "mp3"))
			.prediction(Prediction.content(List.of(ContentPart.text("class Foo {}"))))
			.webSearchOptions(new WebSearchOptions(WebSearchOptions.UserLocation
				.approximate(new WebSearchOptions.ApproximateLocation("GB", null, "London", null)), "low"))
			.responseFormat(ResponseFormat.jsonSchema(new ResponseFormat.JsonSchema("planet", null, schema, false)))
			.tool(Tool.function(FunctionDefinition.of("get_weather", null, schema)))
			.tool(Tool.custom(new CustomToolDefinition("sql", null, CustomToolDefinition.Format.grammar("lark", "s"))))
			.toolChoice(ToolChoice.function("get_weather"))
			.parallelToolCalls(false)
			.streamOptions(new StreamOptions(true, false))
			.moderation(new ModerationOptions("omni-moderation-latest",
					new ModerationOptions.Policy(new ModerationOptions.Mode("block"), null)))
			.extraBody("custom_flag", false)
			.build();
	}

	private void assertField(String name, Object value, String expectedValue) throws Exception {
		ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder().message(ChatMessage.user("Hi"));
		switch (name) {
			case "tool_choice" -> builder.toolChoice((ToolChoice) value);
			case "response_format" -> builder.responseFormat((ResponseFormat) value);
			case "audio" -> builder.audio((AudioOutput) value);
			case "prediction" -> builder.prediction((Prediction) value);
			case "web_search_options" -> builder.webSearchOptions((WebSearchOptions) value);
			case "stream_options" -> builder.streamOptions((StreamOptions) value);
			case "prompt_cache_options" -> builder.promptCacheOptions((PromptCacheOptions) value);
			case "moderation" -> builder.moderation((ModerationOptions) value);
			default -> throw new IllegalArgumentException(name);
		}
		assertJson(builder.build(),
				"{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"" + name + "\": " + expectedValue + "}");
	}

	private void assertJson(ChatCompletionRequest request, String expected) throws Exception {
		JSONAssert.assertEquals(expected, this.mapper.writeValueAsString(request), JSONCompareMode.STRICT);
	}

}
