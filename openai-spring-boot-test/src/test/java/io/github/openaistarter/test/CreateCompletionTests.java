package io.github.openaistarter.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.Choice;
import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.chat.model.ServiceTier;
import io.github.openaistarter.chat.model.Tool;
import io.github.openaistarter.chat.model.ToolCall;
import io.github.openaistarter.chat.model.ToolChoice;
import io.github.openaistarter.core.OpenAiResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /chat/completions} through the real client: answers, choices, usage,
 * headers and tool calls.
 */
@ExtendWith(OpenAiFakeExtension.class)
class CreateCompletionTests {

	private static final Tool WEATHER = Tool.function("get_weather", "The weather in a city",
			Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))));

	private static final Tool TIME = Tool.function("get_time", "The time in a city", Map.of("type", "object"));

	private final OpenAiFakeServer fake;

	private final ChatCompletionsOperations chat;

	CreateCompletionTests(OpenAiFakeServer fake) {
		this.fake = fake;
		this.chat = Clients.chat(fake);
	}

	@Test
	void echoesTheLastUserMessage() {
		ChatCompletion completion = this.chat
			.create(List.of(ChatMessage.system("Be brief."), ChatMessage.user("What is the capital of France?"),
					ChatMessage.assistant("Paris."), ChatMessage.user("And of Italy?")));
		assertThat(completion.text()).isEqualTo("echo: And of Italy?");
		assertThat(completion.id()).startsWith("chatcmpl-").hasSize("chatcmpl-".length() + 29);
		assertThat(completion.object()).isEqualTo("chat.completion");
		assertThat(completion.model()).isEqualTo(Clients.MODEL);
		assertThat(completion.created()).isCloseTo(Instant.now().getEpochSecond(), Offset.offset(5L));
		assertThat(completion.systemFingerprint()).startsWith("fp_");
		assertThat(completion.serviceTier()).isEqualTo(ServiceTier.DEFAULT);
		assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.metadata()).isEmpty();
	}

	@Test
	void countsWordsAsTokens() {
		ChatCompletion completion = this.chat
			.create(List.of(ChatMessage.system("Be brief."), ChatMessage.user("hi there")));
		assertThat(completion.usage()).isNotNull();
		assertThat(completion.usage().promptTokens()).isEqualTo((2 + 3) + (2 + 3));
		assertThat(completion.usage().completionTokens()).isEqualTo(3);
		assertThat(completion.usage().totalTokens()).isEqualTo(13);
		assertThat(completion.usage().completionTokensDetails().reasoningTokens()).isZero();
	}

	@Test
	void answersWithFixedTextOrAFunctionOfTheRequest() {
		this.fake.answerWith("Paris");
		assertThat(this.chat.create(List.of(ChatMessage.user("Capital of France?"))).text()).isEqualTo("Paris");
		this.fake.answerWith((request) -> "model " + request.path("model").asString() + ", "
				+ request.path("messages").size() + " messages");
		assertThat(this.chat.create(List.of(ChatMessage.user("a"), ChatMessage.user("b"))).text())
			.isEqualTo("model gpt-4o-mini, 2 messages");
		this.fake.reset();
		assertThat(this.chat.create(List.of(ChatMessage.user("back"))).text()).isEqualTo("echo: back");
	}

	@Test
	void answersWithTheBuildersTextUntilToldOtherwise() {
		try (OpenAiFakeServer paris = OpenAiFakeServer.builder().answerWith("Paris").start()) {
			ChatCompletionsOperations chat = Clients.chat(paris);
			assertThat(chat.create(List.of(ChatMessage.user("Capital?"))).text()).isEqualTo("Paris");
			paris.answerWith("Rome");
			assertThat(chat.create(List.of(ChatMessage.user("Capital?"))).text()).isEqualTo("Rome");
			paris.reset();
			assertThat(chat.create(List.of(ChatMessage.user("Capital?"))).text()).isEqualTo("Paris");
		}
	}

	@Test
	void answersNChoices() {
		ChatCompletion completion = this.chat
			.create(ChatCompletionRequest.builder().message(ChatMessage.user("hi")).n(3).build());
		assertThat(completion.choices()).extracting(Choice::index).containsExactly(0, 1, 2);
		assertThat(completion.choices()).extracting((choice) -> choice.message().text())
			.containsExactly("echo: hi (1)", "echo: hi (2)", "echo: hi (3)");
	}

	@Test
	void cutsTheAnswerAtMaxCompletionTokens() {
		ChatCompletion completion = this.chat.create(ChatCompletionRequest.builder()
			.message(ChatMessage.user("one two three four"))
			.maxCompletionTokens(3)
			.build());
		assertThat(completion.text()).isEqualTo("echo: one two");
		assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.LENGTH);
	}

	@Test
	void echoesTheServiceTierAndModel() {
		ChatCompletion completion = this.chat.create(ChatCompletionRequest.builder()
			.model("gpt-4.1")
			.message(ChatMessage.user("hi"))
			.serviceTier(ServiceTier.FLEX)
			.build());
		assertThat(completion.model()).isEqualTo("gpt-4.1");
		assertThat(completion.serviceTier()).isEqualTo(ServiceTier.FLEX);
	}

	@Test
	void sendsTheApisHeaders() {
		ChatCompletionRequest hi = ChatCompletionRequest.of(List.of(ChatMessage.user("hi")));
		OpenAiResponse<ChatCompletion> first = this.chat.withResponse().create(hi);
		OpenAiResponse<ChatCompletion> second = this.chat.withResponse().create(hi);
		assertThat(first.metadata().requestId()).startsWith("req_").isNotEqualTo(second.metadata().requestId());
		assertThat(first.metadata().processingTime()).isPositive();
		assertThat(first.metadata().rateLimit().limitRequests()).isEqualTo(10_000L);
		assertThat(first.metadata().rateLimit().limitTokens()).isEqualTo(2_000_000L);
		assertThat(first.metadata().rateLimit().resetRequests()).isNotNull();
		assertThat(second.metadata().rateLimit().remainingRequests())
			.isEqualTo(first.metadata().rateLimit().remainingRequests() - 1);
	}

	@Test
	void callsTheRequiredTool() {
		ChatCompletion completion = this.chat.create(ChatCompletionRequest.builder()
			.message(ChatMessage.user("Weather in Paris?"))
			.tools(List.of(WEATHER, TIME))
			.toolChoice(ToolChoice.REQUIRED)
			.build());
		assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(completion.message().content()).isNull();
		ToolCall call = completion.message().toolCalls().get(0);
		assertThat(call.id()).startsWith("call_");
		assertThat(call.type()).isEqualTo("function");
		assertThat(call.function().name()).isEqualTo("get_weather");
		assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Weather in Paris?\"}");
	}

	@Test
	void callsTheNamedTool() {
		ChatCompletion completion = this.chat.create(ChatCompletionRequest.builder()
			.message(ChatMessage.user("What time is it?"))
			.tools(List.of(WEATHER, TIME))
			.toolChoice(ToolChoice.function("get_time"))
			.build());
		assertThat(completion.message().toolCalls()).singleElement()
			.satisfies((call) -> assertThat(call.function().name()).isEqualTo("get_time"));
	}

	@Test
	void callsAToolWhenAutoAndAskedToCall() {
		ChatCompletionRequest.Builder request = ChatCompletionRequest.builder().tools(List.of(WEATHER));
		ChatCompletion call = this.chat
			.create(request.messages(List.of(ChatMessage.user("Please call the weather tool"))).build());
		assertThat(call.message().toolCalls()).hasSize(1);
		ChatCompletion text = this.chat
			.create(request.messages(List.of(ChatMessage.user("Weather in Paris?"))).build());
		assertThat(text.message().toolCalls()).isEmpty();
		assertThat(text.text()).isEqualTo("echo: Weather in Paris?");
		ChatCompletion none = this.chat
			.create(request.messages(List.of(ChatMessage.user("call it"))).toolChoice(ToolChoice.NONE).build());
		assertThat(none.message().toolCalls()).isEmpty();
	}

	@Test
	void runsAToolLoopWithTheConfiguredCall() {
		this.fake.answerWithToolCall("get_weather", "{\"city\":\"Paris\"}");
		this.fake.answerWith((request) -> "It is sunny in Paris.");
		List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.user("Weather in Paris?")));
		ChatCompletion first = this.chat
			.create(ChatCompletionRequest.builder().messages(messages).tools(List.of(WEATHER)).build());
		ToolCall call = first.message().toolCalls().get(0);
		assertThat(call.function().name()).isEqualTo("get_weather");
		assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
		messages.add(first.message());
		messages.add(ChatMessage.tool(call.id(), "{\"sky\":\"clear\"}"));
		ChatCompletion second = this.chat
			.create(ChatCompletionRequest.builder().messages(messages).tools(List.of(WEATHER)).build());
		assertThat(second.message().toolCalls()).isEmpty();
		assertThat(second.text()).isEqualTo("It is sunny in Paris.");
		assertThat(
				this.fake.lastRequest().json().path("messages").get(1).path("tool_calls").get(0).path("id").asString())
			.isEqualTo(call.id());
	}

	@Test
	void answersTextWithoutTools() {
		this.fake.answerWithToolCall("get_weather", "{}");
		assertThat(this.chat.create(List.of(ChatMessage.user("call me"))).message().toolCalls()).isEmpty();
	}

	@Test
	void returnsTheMetadataOfAStoredCompletion() {
		ChatCompletion completion = this.chat.create(ChatCompletionRequest.builder()
			.message(ChatMessage.user("hi"))
			.store(true)
			.metadata(Map.of("topic", "greeting"))
			.build());
		assertThat(completion.metadata()).containsExactly(Map.entry("topic", "greeting"));
	}

}
