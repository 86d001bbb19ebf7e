package io.github.openaistarter.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ContentPart;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.Tool;
import io.github.openaistarter.chat.model.ToolChoice;
import io.github.openaistarter.wire.CapturingServer.Exchange;
import io.github.openaistarter.wire.OpenApiDescription.Example;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request example the description gives for the six Chat Completions operations can
 * be built with our builders and goes on the wire as the example shows: same method, same
 * path, an equivalent JSON body. A new example in the description fails here until it has
 * a recipe.
 */
class ExampleRequestsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * How to make each example's request with the public API, by
	 * {@code operationId / title}.
	 */
	@SuppressWarnings("deprecation")
	private static final Map<String, Consumer<ChatCompletionsOperations>> RECIPES = Map.of(
			"createChatCompletion / Default",
			(chat) -> chat.create(ChatCompletionRequest.builder()
				.model("VAR_chat_model_id")
				.message(ChatMessage.developer("You are a helpful assistant."))
				.message(ChatMessage.user("Hello!"))
				.build()),
			"createChatCompletion / Image input",
			(chat) -> chat.create(ChatCompletionRequest.builder()
				.model("gpt-5.4")
				.message(ChatMessage.user(ContentPart.text("What is in this image?"), ContentPart.imageUrl(
						"https://upload.wikimedia.org/wikipedia/commons/thumb/d/dd/Gfp-wisconsin-madison-the-nature-boardwalk.jpg/2560px-Gfp-wisconsin-madison-the-nature-boardwalk.jpg")))
				.maxTokens(300)
				.build()),
			"createChatCompletion / Streaming", (chat) -> {
				try (Stream<ChatCompletionChunk> chunks = chat.stream(ChatCompletionRequest.builder()
					.model("VAR_chat_model_id")
					.message(ChatMessage.developer("You are a helpful assistant."))
					.message(ChatMessage.user("Hello!"))
					.build())) {
					chunks.forEach((chunk) -> {
					});
				}
			}, "createChatCompletion / Functions",
			(chat) -> chat.create(ChatCompletionRequest.builder()
				.model("gpt-5.4")
				.message(ChatMessage.user("What is the weather like in Boston today?"))
				.tool(Tool.function("get_current_weather", "Get the current weather in a given location",
						Map.of("type", "object", "properties",
								Map.of("location",
										Map.of("type", "string", "description",
												"The city and state, e.g. San Francisco, CA"),
										"unit", Map.of("type", "string", "enum", List.of("celsius", "fahrenheit"))),
								"required", List.of("location"))))
				.toolChoice(ToolChoice.AUTO)
				.build()),
			"createChatCompletion / Logprobs",
			(chat) -> chat.create(ChatCompletionRequest.builder()
				.model("VAR_chat_model_id")
				.message(ChatMessage.user("Hello!"))
				.logprobs(true)
				.topLogprobs(2)
				.build()),
			"listChatCompletions / listChatCompletions", (chat) -> chat.list(ListChatCompletionsParams.NONE),
			"getChatCompletion / getChatCompletion", (chat) -> chat.retrieve("chatcmpl-abc123"),
			"updateChatCompletion / updateChatCompletion", (chat) -> chat.update("chat_abc123", Map.of("foo", "bar")),
			"deleteChatCompletion / deleteChatCompletion", (chat) -> chat.delete("chat_abc123"),
			"getChatCompletionMessages / getChatCompletionMessages", (chat) -> chat.listMessages("chat_abc123"));

	/**
	 * What the client adds to an example's body on the wire, on purpose: the stream
	 * operations ask for the usage chunk when the request sets no {@code stream_options}.
	 */
	private static final Map<String, String> WIRE_ADDITIONS = Map.of("createChatCompletion / Streaming",
			"{\"stream_options\": {\"include_usage\": true}}");

	static Stream<Example> requestExamples() {
		OpenApiDescription description = OpenApiDescription.load();
		List<Example> examples = new ArrayList<>();
		for (String operationId : OpenApiDescription.CHAT_OPERATIONS) {
			description.operation(operationId)
				.examples()
				.stream()
				.filter((example) -> example.curl() != null)
				.forEach(examples::add);
		}
		return examples.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requestExamples")
	void isBuiltWithOurBuildersAndSentAsShown(Example example) throws Exception {
		Consumer<ChatCompletionsOperations> recipe = RECIPES.get(example.toString());
		assertThat(recipe).as("a recipe that makes the request of the example '%s' (add one to RECIPES)", example)
			.isNotNull();
		RequestExample expected = RequestExample.of(example);
		try (CapturingServer server = new CapturingServer()) {
			recipe.accept(server.chat());
			Exchange sent = server.lastExchange();
			assertThat(sent.method()).isEqualTo(expected.method());
			assertThat(sent.target()).isEqualTo("/v1" + expected.target());
			assertThat(sent.body()).isEqualTo(expectedBody(example, expected.body()));
		}
	}

	@Test
	void everyRecipeBelongsToAnExample() {
		List<String> examples = requestExamples().map(Example::toString).toList();
		assertThat(examples).containsExactlyInAnyOrderElementsOf(RECIPES.keySet());
		assertThat(WIRE_ADDITIONS.keySet()).allSatisfy((title) -> assertThat(examples).contains(title));
	}

	private static JsonNode expectedBody(Example example, JsonNode body) {
		String additions = WIRE_ADDITIONS.get(example.toString());
		if (body == null || additions == null) {
			return body;
		}
		ObjectNode expected = ((ObjectNode) body).deepCopy();
		JSON.readTree(additions).properties().forEach((field) -> expected.set(field.getKey(), field.getValue()));
		return expected;
	}

}
