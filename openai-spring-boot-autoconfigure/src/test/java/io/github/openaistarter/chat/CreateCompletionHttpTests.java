package io.github.openaistarter.chat;

import java.util.List;
import java.util.Map;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import io.github.openaistarter.chat.model.Annotation;
import io.github.openaistarter.chat.model.AssistantMessage;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.Choice;
import io.github.openaistarter.chat.model.CustomToolCall;
import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.chat.model.FunctionCall;
import io.github.openaistarter.chat.model.Logprobs;
import io.github.openaistarter.chat.model.ServiceTier;
import io.github.openaistarter.chat.model.ToolCall;
import io.github.openaistarter.chat.model.Usage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /chat/completions} over HTTP: what is sent and how realistic answers are
 * decoded.
 */
@Timeout(10)
class CreateCompletionHttpTests extends HttpTestSupport {

	private static final ChatCompletionRequest HELLO = ChatCompletionRequest.of("o4-mini",
			List.of(ChatMessage.developer("You are a helpful assistant."), ChatMessage.user("Hello!")));

	@Test
	void sendsStraightThroughTheConnector() {
		assertThat(transport().build().toString()).contains("sends through the connector");
	}

	@Test
	void createPostsJsonWithCredentialsAndDecodesCompletion() {
		enqueueJsonFixture("chat-completion.json");

		ChatCompletion completion = this.chat.create(HELLO);

		assertHelloCompletion(completion);
		assertCreateRequest(takeRequest());
	}

	@Test
	void reactiveCreatePostsJsonWithCredentialsAndDecodesCompletion() {
		enqueueJsonFixture("chat-completion.json");

		StepVerifier.create(this.reactive.create(HELLO))
			.assertNext(CreateCompletionHttpTests::assertHelloCompletion)
			.verifyComplete();
		assertCreateRequest(takeRequest());
	}

	@Test
	void createWithMessagesUsesConfiguredDefaultModel() {
		useClient(transport().build(), Map.of("model", "gpt-4o-mini"));
		enqueueJsonFixture("chat-completion.json");

		ChatCompletion completion = this.chat.create(List.of(ChatMessage.user("Hello!")));

		assertThat(completion.text()).isEqualTo("Hello! How can I assist you today?");
		assertThat(bodyJson(takeRequest())).isEqualTo(json("""
				{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hello!"}]}"""));
	}

	@Test
	void reactiveCreateWithMessagesUsesConfiguredDefaultModel() {
		useClient(transport().build(), Map.of("model", "gpt-4o-mini"));
		enqueueJsonFixture("chat-completion.json");

		StepVerifier.create(this.reactive.create(List.of(ChatMessage.user("Hello!"))))
			.assertNext((completion) -> assertThat(completion.id()).isEqualTo("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT"))
			.verifyComplete();
		assertThat(bodyJson(takeRequest()).get("model").asString()).isEqualTo("gpt-4o-mini");
	}

	@Test
	void createDecodesToolCallsOfBothKinds() {
		enqueueJsonFixture("chat-completion-tool-calls.json");

		ChatCompletion completion = this.chat.create(HELLO);

		Choice choice = completion.choice();
		assertThat(choice.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(choice.message().content()).isNull();
		assertThat(choice.message().text()).isEmpty();
		assertThat(choice.message().toolCalls()).containsExactly(
				new ToolCall("call_abc123", "function",
						new FunctionCall("get_current_weather", "{\n\"location\": \"Boston, MA\"\n}"), null),
				new ToolCall("call_def456", "custom", null, new CustomToolCall("code_exec", "print(\"hello\")")));
		assertThat(completion.usage().completionTokensDetails().reasoningTokens()).isZero();
		assertThat(completion.usage().promptTokensDetails()).isNull();
		assertThat(completion.systemFingerprint()).isEqualTo("fp_44709d6fcb");
	}

	@Test
	void createDecodesLogprobs() {
		enqueueJsonFixture("chat-completion-logprobs.json");

		Logprobs logprobs = this.chat.create(HELLO).choice().logprobs();

		assertThat(logprobs.refusal()).isNull();
		assertThat(logprobs.content()).hasSize(2);
		Logprobs.TokenLogprob hello = logprobs.content().get(0);
		assertThat(hello.token()).isEqualTo("Hello");
		assertThat(hello.logprob()).isEqualTo(-0.31725305);
		assertThat(hello.bytes()).containsExactly(72, 101, 108, 108, 111);
		assertThat(hello.topLogprobs()).containsExactly(
				new Logprobs.TopLogprob("Hello", -0.31725305, List.of(72, 101, 108, 108, 111)),
				new Logprobs.TopLogprob("Hi", -1.3190403, List.of(72, 105)));
		Logprobs.TopLogprob end = logprobs.content().get(1).topLogprobs().get(1);
		assertThat(end.token()).isEqualTo("<|end|>");
		assertThat(end.bytes()).isNull();
	}

	@Test
	void createDecodesUrlCitationAnnotations() {
		enqueueJsonFixture("chat-completion-web-search.json");

		AssistantMessage message = this.chat.create(HELLO).message();

		assertThat(message.text()).isEqualTo("Paris hosts the Louvre, the world's most-visited museum.");
		assertThat(message.annotations()).singleElement().satisfies((annotation) -> {
			assertThat(annotation.type()).isEqualTo("url_citation");
			assertThat(annotation.urlCitation()).isEqualTo(
					new Annotation.UrlCitation(0, 56, "https://en.wikipedia.org/wiki/Louvre", "Louvre - Wikipedia"));
		});
	}

	@Test
	void createDecodesAudioAnswerAndUsageDetails() {
		enqueueJsonFixture("chat-completion-audio.json");

		ChatCompletion completion = this.chat.create(HELLO);

		assertThat(completion.message().audio().id()).isEqualTo("audio_abc123");
		assertThat(completion.message().audio().expiresAt()).isEqualTo(1741573900L);
		assertThat(completion.message().audio().data())
			.isEqualTo("UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=");
		assertThat(completion.message().audio().transcript())
			.isEqualTo("Yes, golden retrievers are great family dogs.");
		Usage usage = completion.usage();
		assertThat(usage.promptTokensDetails())
			.isEqualTo(new Usage.PromptTokensDetails(0L, 0L, 17L, 0L, null, Map.of()));
		assertThat(usage.completionTokensDetails())
			.isEqualTo(new Usage.CompletionTokensDetails(0L, 80L, 15L, 0L, 0L, Map.of()));
	}

	@Test
	void createKeepsUnknownFieldsAndAcceptsUnknownEnumValues() {
		enqueueJsonFixture("chat-completion-unknown-values.json");

		ChatCompletion completion = this.chat.create(HELLO);

		assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.of("something_new"));
		assertThat(completion.choice().finishReason().value()).isEqualTo("something_new");
		assertThat(completion.serviceTier().value()).isEqualTo("ultra");
		assertThat(completion.serviceTier()).isNotEqualTo(ServiceTier.DEFAULT);
		assertThat(completion.additionalProperties())
			.containsEntry("request_id", "req_ded8ab984ec4bf840f37566c1011c417")
			.containsEntry("seed", 4944116822809979520L)
			.containsEntry("reasoning_summary", Map.of("text", "Thought about greetings"));
		assertThat(completion.choice().additionalProperties()).containsEntry("content_filter_results",
				Map.of("hate", Map.of("filtered", false, "severity", "safe")));
		assertThat(completion.message().additionalProperties())
			.containsExactly(Map.entry("reasoning_content", "The user greets me."));
		assertThat(completion.usage().totalTokens()).isEqualTo(8);
		assertThat(completion.usage().additionalProperties()).containsExactly(Map.entry("thinking_budget_tokens", 42));
	}

	@Test
	void answerSentBackInConversationCarriesOnlyWhatRequestsAccept() {
		enqueueJsonFixture("chat-completion-audio.json");
		enqueueJsonFixture("chat-completion-unknown-values.json");
		enqueueJsonFixture("chat-completion-web-search.json");
		AssistantMessage audioAnswer = this.chat.create(HELLO).message();
		AssistantMessage unknownFieldsAnswer = this.chat.create(HELLO).message();
		takeRequest();
		takeRequest();

		this.chat.create(HELLO.mutate()
			.message(audioAnswer)
			.message(unknownFieldsAnswer)
			.message(ChatMessage.user("Go on"))
			.build());

		JsonNode messages = bodyJson(takeRequest()).get("messages");
		assertThat(messages.get(2)).isEqualTo(json("""
				{"role": "assistant", "audio": {"id": "audio_abc123"}}"""));
		assertThat(messages.get(3)).isEqualTo(json("""
				{"role": "assistant", "content": "Hi there."}"""));
	}

	private static void assertHelloCompletion(ChatCompletion completion) {
		assertThat(completion.id()).isEqualTo("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");
		assertThat(completion.object()).isEqualTo("chat.completion");
		assertThat(completion.created()).isEqualTo(1741569952L);
		assertThat(completion.model()).isEqualTo("o4-mini-2025-04-16");
		assertThat(completion.choices()).hasSize(1);
		assertThat(completion.choice().index()).isZero();
		assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.choice().logprobs()).isNull();
		assertThat(completion.text()).isEqualTo("Hello! How can I assist you today?");
		assertThat(completion.message().refusal()).isNull();
		assertThat(completion.message().annotations()).isEmpty();
		assertThat(completion.message().toolCalls()).isEmpty();
		assertThat(completion.serviceTier()).isEqualTo(ServiceTier.DEFAULT);
		assertThat(completion.systemFingerprint()).isEqualTo("fp_50cad350e4");
		assertThat(completion.metadata()).isEmpty();
		assertThat(completion.additionalProperties()).isEmpty();
		Usage usage = completion.usage();
		assertThat(usage.promptTokens()).isEqualTo(1083);
		assertThat(usage.completionTokens()).isEqualTo(202);
		assertThat(usage.totalTokens()).isEqualTo(1285);
		assertThat(usage.promptTokensDetails().cachedTokens()).isEqualTo(1024L);
		assertThat(usage.promptTokensDetails().audioTokens()).isZero();
		assertThat(usage.completionTokensDetails().reasoningTokens()).isEqualTo(192L);
		assertThat(usage.completionTokensDetails().acceptedPredictionTokens()).isEqualTo(3L);
		assertThat(usage.completionTokensDetails().rejectedPredictionTokens()).isEqualTo(1L);
	}

	private static void assertCreateRequest(RecordedRequest request) {
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v1/chat/completions");
		assertSentWithCredentials(request, JSON);
		assertJsonBodySent(request);
		assertThat(bodyJson(request)).isEqualTo(json("""
				{
				  "model": "o4-mini",
				  "messages": [
				    {"role": "developer", "content": "You are a helpful assistant."},
				    {"role": "user", "content": "Hello!"}
				  ]
				}"""));
	}

}
