package io.github.openaistarter.chat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.model.AssistantMessage;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.AudioOutput;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ContentPart;
import io.github.openaistarter.chat.model.CustomToolDefinition;
import io.github.openaistarter.chat.model.FunctionDefinition;
import io.github.openaistarter.chat.model.Prediction;
import io.github.openaistarter.chat.model.ReasoningEffort;
import io.github.openaistarter.chat.model.ResponseFormat;
import io.github.openaistarter.chat.model.ServiceTier;
import io.github.openaistarter.chat.model.StreamOptions;
import io.github.openaistarter.chat.model.SystemMessage;
import io.github.openaistarter.chat.model.TextPart;
import io.github.openaistarter.chat.model.Tool;
import io.github.openaistarter.chat.model.ToolCall;
import io.github.openaistarter.chat.model.ToolChoice;
import io.github.openaistarter.chat.model.Verbosity;
import io.github.openaistarter.chat.model.WebSearchOptions;
import io.github.openaistarter.core.OpenAiTransport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON body of {@code POST /chat/completions}, field family by field family, as the
 * server receives it.
 */
@Timeout(10)
class RequestBodyHttpTests extends HttpTestSupport {

	private static final Tool WEATHER = Tool.function(FunctionDefinition
		.of("get_weather", "Current weather in a city", Map.of("type", "object", "properties",
				Map.of("city", Map.of("type", "string")), "required", List.of("city"), "additionalProperties", false))
		.withStrict());

	private static final Tool CODE_EXEC = Tool.custom(new CustomToolDefinition("code_exec", "Runs Python code",
			CustomToolDefinition.Format.grammar("lark", "start: /.+/")));

	@Test
	void unsetFieldsAreAbsentNotNull() {
		JsonNode body = send(ChatCompletionRequest.builder().model("gpt-4.1").message(ChatMessage.user("Hi")));

		assertThat(body.propertyNames()).containsExactly("model", "messages");
		assertThat(body).isEqualTo(json("""
				{"model": "gpt-4.1", "messages": [{"role": "user", "content": "Hi"}]}"""));
	}

	@Test
	void everyMessageRoleIsSentInOpenAiShape() {
		JsonNode messages = send(ChatCompletionRequest.builder()
			.model("gpt-4.1")
			.message(ChatMessage.developer("Use metric units."))
			.message(SystemMessage.of(List.of(ContentPart.text("You are a weather bot."))).withName("rules"))
			.message(ChatMessage.user("Weather in Paris?").withName("ada"))
			.message(AssistantMessage.builder()
				.toolCall(ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"))
				.build())
			.message(ChatMessage.tool("call_1", "{\"celsius\":21}"))
			.message(ChatMessage.assistant("It is 21 °C in Paris."))).get("messages");

		assertThat(messages).isEqualTo(json("""
				[
				  {"role": "developer", "content": "Use metric units."},
				  {"role": "system", "content": [{"type": "text", "text": "You are a weather bot."}], "name": "rules"},
				  {"role": "user", "content": "Weather in Paris?", "name": "ada"},
				  {"role": "assistant", "tool_calls": [
				    {"id": "call_1", "type": "function",
				     "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}}
				  ]},
				  {"role": "tool", "tool_call_id": "call_1", "content": "{\\"celsius\\":21}"},
				  {"role": "assistant", "content": "It is 21 °C in Paris."}
				]"""));
	}

	@Test
	void userContentPartsAreSentWithTheirTypes() {
		JsonNode content = send(ChatCompletionRequest.builder()
			.model("gpt-4o")
			.message(ChatMessage.user(ContentPart.text("Compare these."),
					ContentPart.imageUrl("https://example.com/cat.png", "high"),
					ContentPart.imageUrl("data:image/png;base64,iVBORw0KGgo="),
					ContentPart.inputAudio("UklGRiQAAABXQVZF", "wav"), ContentPart.fileId("file-abc123"),
					ContentPart.fileData("report.pdf", "data:application/pdf;base64,JVBERi0x"))))
			.get("messages")
			.get(0)
			.get("content");

		assertThat(content).isEqualTo(
				json("""
						[
						  {"type": "text", "text": "Compare these."},
						  {"type": "image_url", "image_url": {"url": "https://example.com/cat.png", "detail": "high"}},
						  {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
						  {"type": "input_audio", "input_audio": {"data": "UklGRiQAAABXQVZF", "format": "wav"}},
						  {"type": "file", "file": {"file_id": "file-abc123"}},
						  {"type": "file", "file": {"filename": "report.pdf", "file_data": "data:application/pdf;base64,JVBERi0x"}}
						]"""));
	}

	@Test
	void functionAndCustomToolsAreSent() {
		JsonNode body = send(base().tool(WEATHER).tool(CODE_EXEC).parallelToolCalls(false));

		assertThat(body.get("tools")).isEqualTo(json("""
				[
				  {"type": "function", "function": {
				    "name": "get_weather",
				    "description": "Current weather in a city",
				    "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
				                   "required": ["city"], "additionalProperties": false},
				    "strict": true}},
				  {"type": "custom", "custom": {
				    "name": "code_exec",
				    "description": "Runs Python code",
				    "format": {"type": "grammar", "grammar": {"definition": "start: /.+/", "syntax": "lark"}}}}
				]"""));
		assertThat(body.get("parallel_tool_calls").booleanValue()).isFalse();
		assertThat(body.has("tool_choice")).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("toolChoices")
	void eachToolChoiceFormIsSent(String form, ToolChoice toolChoice, String expected) {
		JsonNode body = send(base().tool(WEATHER).tool(CODE_EXEC).toolChoice(toolChoice));

		assertThat(body.get("tool_choice")).isEqualTo(json(expected));
	}

	static Stream<Arguments> toolChoices() {
		return Stream.of(Arguments.of("none", ToolChoice.NONE, "\"none\""),
				Arguments.of("auto", ToolChoice.AUTO, "\"auto\""),
				Arguments.of("required", ToolChoice.REQUIRED, "\"required\""),
				Arguments.of("function", ToolChoice.function("get_weather"),
						"{\"type\": \"function\", \"function\": {\"name\": \"get_weather\"}}"),
				Arguments.of("custom", ToolChoice.custom("code_exec"),
						"{\"type\": \"custom\", \"custom\": {\"name\": \"code_exec\"}}"),
				Arguments.of("allowed_tools",
						ToolChoice.allowedTools("required",
								List.of(Map.of("type", "function", "function", Map.of("name", "get_weather")),
										Map.of("type", "custom", "custom", Map.of("name", "code_exec")))),
						"""
								{"type": "allowed_tools", "allowed_tools": {"mode": "required", "tools": [
								  {"type": "function", "function": {"name": "get_weather"}},
								  {"type": "custom", "custom": {"name": "code_exec"}}
								]}}"""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("responseFormats")
	void eachResponseFormatIsSent(String form, ResponseFormat responseFormat, String expected) {
		JsonNode body = send(base().responseFormat(responseFormat));

		assertThat(body.get("response_format")).isEqualTo(json(expected));
	}

	static Stream<Arguments> responseFormats() {
		return Stream.of(Arguments.of("text", ResponseFormat.text(), "{\"type\": \"text\"}"),
				Arguments.of("json_object", ResponseFormat.jsonObject(), "{\"type\": \"json_object\"}"),
				Arguments.of("json_schema",
						ResponseFormat.jsonSchema(
								"planet",
								Map.of("type", "object", "properties", Map
									.of("name", Map.of("type", "string")), "required", List.of("name"),
										"additionalProperties", false)),
						"""
								{"type": "json_schema", "json_schema": {"name": "planet", "strict": true, "schema": {
								  "type": "object", "properties": {"name": {"type": "string"}},
								  "required": ["name"], "additionalProperties": false}}}"""));
	}

	@Test
	void audioOutputModalitiesAndPredictionAreSent() {
		JsonNode body = send(base().modalities(List.of("text", "audio"))
			.audio(AudioOutput.of("alloy", "wav"))
			.prediction(Prediction.content("class Foo {}")));

		assertThat(body.get("modalities")).isEqualTo(json("[\"text\", \"audio\"]"));
		assertThat(body.get("audio")).isEqualTo(json("{\"voice\": \"alloy\", \"format\": \"wav\"}"));
		assertThat(body.get("prediction")).isEqualTo(json("{\"type\": \"content\", \"content\": \"class Foo {}\"}"));
	}

	@Test
	void customVoiceAndPredictionPartsAreSent() {
		JsonNode body = send(base().audio(AudioOutput.customVoice("voice_123", "mp3"))
			.prediction(Prediction.content(List.of(new TextPart("class Foo {}", null)))));

		assertThat(body.get("audio")).isEqualTo(json("{\"voice\": {\"id\": \"voice_123\"}, \"format\": \"mp3\"}"));
		assertThat(body.get("prediction")).isEqualTo(
				json("{\"type\": \"content\", \"content\": [{\"type\": \"text\", \"text\": \"class Foo {}\"}]}"));
	}

	@Test
	void webSearchOptionsAreSentWithoutUnsetLocationFields() {
		JsonNode body = send(
				base().webSearchOptions(new WebSearchOptions(
						WebSearchOptions.UserLocation
							.approximate(new WebSearchOptions.ApproximateLocation("FR", null, "Paris", "Europe/Paris")),
						"low")));

		assertThat(body.get("web_search_options")).isEqualTo(json("""
				{"user_location": {"type": "approximate",
				  "approximate": {"country": "FR", "city": "Paris", "timezone": "Europe/Paris"}},
				 "search_context_size": "low"}"""));
	}

	@Test
	void samplingAndLimitFieldsAreSent() {
		JsonNode body = send(base().temperature(0.2)
			.topP(0.9)
			.n(2)
			.maxCompletionTokens(512)
			.presencePenalty(0.5)
			.frequencyPenalty(-0.5)
			.logitBias(Map.of("50256", -100))
			.logprobs(true)
			.topLogprobs(3)
			.seed(42L)
			.stop("END"));

		assertThat(body).isEqualTo(json("""
				{"model": "gpt-4.1", "messages": [{"role": "user", "content": "Hi"}],
				 "temperature": 0.2, "top_p": 0.9, "n": 2, "max_completion_tokens": 512,
				 "presence_penalty": 0.5, "frequency_penalty": -0.5, "logit_bias": {"50256": -100},
				 "logprobs": true, "top_logprobs": 3, "seed": 42, "stop": "END"}"""));
	}

	@Test
	void stopAsListIsSentAsArray() {
		JsonNode body = send(base().stop(List.of("END", "STOP")));

		assertThat(body.get("stop")).isEqualTo(json("[\"END\", \"STOP\"]"));
	}

	@Test
	void storeMetadataTierEffortVerbosityAndExtraBodyAreSent() {
		JsonNode body = send(base().store(true)
			.metadata(Map.of("topic", "billing & tax"))
			.serviceTier(ServiceTier.FLEX)
			.reasoningEffort(ReasoningEffort.LOW)
			.verbosity(Verbosity.HIGH)
			.safetyIdentifier("user-hash-1")
			.promptCacheKey("weather-bot")
			.extraBody("top_k", 40)
			.extraBody("vendor_options", Map.of("region", "eu")));

		assertThat(body).isEqualTo(json("""
				{"model": "gpt-4.1", "messages": [{"role": "user", "content": "Hi"}],
				 "store": true, "metadata": {"topic": "billing & tax"}, "service_tier": "flex",
				 "reasoning_effort": "low", "verbosity": "high", "safety_identifier": "user-hash-1",
				 "prompt_cache_key": "weather-bot", "top_k": 40, "vendor_options": {"region": "eu"}}"""));
	}

	@Test
	void unknownEnumValuesCanBeSent() {
		JsonNode body = send(
				base().serviceTier(ServiceTier.of("ultra")).reasoningEffort(ReasoningEffort.of("extreme")));

		assertThat(body.get("service_tier").asString()).isEqualTo("ultra");
		assertThat(body.get("reasoning_effort").asString()).isEqualTo("extreme");
	}

	@Test
	void streamOptionsAreLeftOutOfNonStreamingCreate() {
		JsonNode body = send(base().streamOptions(new StreamOptions(true, false)));

		assertThat(body).isEqualTo(json("""
				{"model": "gpt-4.1", "messages": [{"role": "user", "content": "Hi"}]}"""));
	}

	@Test
	void streamOptionsAreLeftOutOfNonStreamingCreateWithDefaults() {
		useClient(transport().build(), Map.of("temperature", 0.2));

		JsonNode body = send(base().streamOptions(StreamOptions.INCLUDE_USAGE));

		assertThat(body.propertyNames()).containsExactlyInAnyOrder("model", "messages", "temperature");
	}

	@Test
	void defaultsFillOnlyFieldsTheRequestLeavesUnset() {
		useClient(transport().build(),
				Map.of("model", "gpt-4o-mini", "temperature", 0.2, "max_completion_tokens", 256, "store", true));

		JsonNode body = send(ChatCompletionRequest.builder().message(ChatMessage.user("Hi")).temperature(0.9));

		assertThat(body).isEqualTo(json("""
				{"model": "gpt-4o-mini", "temperature": 0.9, "max_completion_tokens": 256, "store": true,
				 "messages": [{"role": "user", "content": "Hi"}]}"""));
	}

	@Test
	void modelOfRequestWinsOverDefaultModel() {
		useClient(transport().build(), Map.of("model", "gpt-4o-mini"));

		JsonNode body = send(base());

		assertThat(body.get("model").asString()).isEqualTo("gpt-4.1");
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("model", "messages");
	}

	private static ChatCompletionRequest.Builder base() {
		return ChatCompletionRequest.builder().model("gpt-4.1").message(ChatMessage.user("Hi"));
	}

	private JsonNode send(ChatCompletionRequest.Builder request) {
		enqueueJsonFixture("chat-completion.json");
		this.chat.create(request.build());
		return bodyJson(takeRequest());
	}

}
