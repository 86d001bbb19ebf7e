package io.github.openaistarter.chat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Bad arguments are refused with {@link IllegalArgumentException} before any request
 * reaches the server, in both flavours.
 */
@Timeout(10)
class ValidationTests extends HttpTestSupport {

	private static final ChatCompletionRequest NO_MODEL = ChatCompletionRequest.of(List.of(ChatMessage.user("Hi")));

	private static final ChatCompletionRequest HELLO = ChatCompletionRequest.of("gpt-4.1",
			List.of(ChatMessage.user("Hi")));

	@Test
	void emptyMessagesAreRefused() {
		assertRejected(() -> ChatCompletionRequest.builder().model("gpt-4.1").build(), "messages must not be empty");
		assertRejected(() -> ChatCompletionRequest.of("gpt-4.1", List.of()), "messages must not be empty");
		assertRejected(() -> this.chat.create(List.of()), "messages must not be empty");
		assertRejected(() -> this.reactive.create(List.of()), "messages must not be empty");
	}

	@Test
	void missingModelWithoutDefaultModelIsRefused() {
		String message = "The request has no model: set one on the request or a default model on the client";
		assertRejected(() -> this.chat.create(NO_MODEL), message);
		assertRejected(() -> this.chat.create(List.of(ChatMessage.user("Hi"))), message);
		assertRejected(() -> this.chat.stream(NO_MODEL), message);
		assertRejected(() -> this.chat.stream(NO_MODEL, (chunk) -> {
		}), message);
		assertRejected(() -> this.reactive.create(NO_MODEL), message);
		assertRejected(() -> this.reactive.stream(NO_MODEL), message);
	}

	@Test
	void missingModelIsAcceptedWithDefaultModel() {
		useClient(transport().build(), Map.of("model", "gpt-4o-mini"));
		enqueueJsonFixture("chat-completion.json");

		this.chat.create(NO_MODEL);

		assertThat(bodyJson(takeRequest()).get("model").asString()).isEqualTo("gpt-4o-mini");
	}

	@ParameterizedTest(name = "[{0}]")
	@MethodSource("badIds")
	void badCompletionIdIsRefusedByEveryOperation(String id, String message) {
		Map<String, String> metadata = Map.of("topic", "haiku");
		assertRejected(() -> this.chat.retrieve(id), message);
		assertRejected(() -> this.chat.update(id, metadata), message);
		assertRejected(() -> this.chat.delete(id), message);
		assertRejected(() -> this.chat.listMessages(id), message);
		assertRejected(() -> this.chat.listAllMessages(id, ListMessagesParams.NONE), message);
		assertRejected(() -> this.chat.withResponse().retrieve(id), message);
		assertRejected(() -> this.reactive.retrieve(id), message);
		assertRejected(() -> this.reactive.update(id, metadata), message);
		assertRejected(() -> this.reactive.delete(id), message);
		assertRejected(() -> this.reactive.listMessages(id), message);
		assertRejected(() -> this.reactive.listAllMessages(id, ListMessagesParams.NONE), message);
	}

	static Stream<Arguments> badIds() {
		return Stream.of(Arguments.of(null, "completionId must not be null"),
				Arguments.of("", "completionId must not be blank"),
				Arguments.of("   ", "completionId must not be blank"),
				Arguments.of("chatcmpl-abc/messages", "completionId must not contain '/', was 'chatcmpl-abc/messages'"),
				Arguments.of("../files", "completionId must not contain '/'"),
				Arguments.of("..", "completionId must not be '..'"), Arguments.of(".", "completionId must not be '.'"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badMetadata")
	void metadataBreakingOpenAiLimitsIsRefusedEverywhere(String problem, Map<String, String> metadata, String message) {
		assertRejected(() -> this.chat.update("chatcmpl-abc123", metadata), message);
		assertRejected(() -> this.reactive.update("chatcmpl-abc123", metadata), message);
		assertRejected(() -> ChatCompletionRequest.builder().metadata(metadata), message);
		assertRejected(() -> ListChatCompletionsParams.builder().metadata(metadata).build(), message);
	}

	static Stream<Arguments> badMetadata() {
		Map<String, String> nullValue = new HashMap<>();
		nullValue.put("topic", null);
		return Stream.of(Arguments.of("17 pairs", pairs(17), "metadata has 17 pairs; OpenAI accepts at most 16"),
				Arguments.of("65-char key", Map.of("k".repeat(65), "v"),
						"metadata key 'kkkkkkkkkkkkkkkk...' has 65 characters; OpenAI accepts at most 64"),
				Arguments.of("513-char value", Map.of("topic", "v".repeat(513)),
						"metadata value of 'topic' has 513 characters; OpenAI accepts at most 512"),
				Arguments.of("empty key", Map.of("", "v"), "metadata keys must not be empty"),
				Arguments.of("null value", nullValue, "metadata value of 'topic' must not be null"));
	}

	@Test
	void nullMetadataIsRefused() {
		assertRejected(() -> this.chat.update("chatcmpl-abc123", null), "metadata must not be null");
		assertRejected(() -> this.reactive.update("chatcmpl-abc123", null), "metadata must not be null");
	}

	@Test
	void metadataAtOpenAiLimitsIsSent() {
		Map<String, String> metadata = new LinkedHashMap<>();
		IntStream.range(0, 16).forEach((i) -> metadata.put(String.format("%064d", i), "v".repeat(512)));
		enqueueJsonFixture("stored-completion.json");

		this.chat.update("chatcmpl-abc123", metadata);

		JsonNode sent = bodyJson(takeRequest()).get("metadata");
		assertThat(sent.size()).isEqualTo(16);
		assertThat(sent.get(String.format("%064d", 15)).asString()).hasSize(512);
	}

	@Test
	void limitBelowOneIsRefused() {
		assertRejected(() -> ListChatCompletionsParams.builder().limit(0).build(), "limit must be at least 1, was 0");
		assertRejected(() -> ListChatCompletionsParams.builder().limit(-5).build(), "limit must be at least 1, was -5");
		assertRejected(() -> ListMessagesParams.builder().limit(0).build(), "limit must be at least 1, was 0");
	}

	@Test
	void nullRequestIsRefused() {
		assertRejected(() -> this.chat.create((ChatCompletionRequest) null), "request must not be null");
		assertRejected(() -> this.chat.stream((ChatCompletionRequest) null), "request must not be null");
		assertRejected(() -> this.chat.stream(null, (chunk) -> {
		}), "request must not be null");
		assertRejected(() -> this.reactive.create((ChatCompletionRequest) null), "request must not be null");
		assertRejected(() -> this.reactive.stream(null), "request must not be null");
		assertRejected(() -> this.chat.stream(HELLO, null), "onChunk must not be null");
	}

	@Test
	void nullParamsAreRefused() {
		assertRejected(() -> this.chat.list(null), "params must not be null");
		assertRejected(() -> this.chat.listAll(null), "params must not be null");
		assertRejected(() -> this.chat.listMessages("chatcmpl-abc123", null), "params must not be null");
		assertRejected(() -> this.chat.listAllMessages("chatcmpl-abc123", null), "params must not be null");
		assertRejected(() -> this.reactive.list(null), "params must not be null");
		assertRejected(() -> this.reactive.listAll(null), "params must not be null");
		assertRejected(() -> this.reactive.listMessages("chatcmpl-abc123", null), "params must not be null");
		assertRejected(() -> this.reactive.listAllMessages("chatcmpl-abc123", null), "params must not be null");
	}

	@Test
	void extraBodyRefusesFieldsWithTheirOwnSetterAndStream() {
		assertRejected(() -> ChatCompletionRequest.builder().extraBody("temperature", 1.0),
				"'temperature' has a builder method of its own");
		assertRejected(() -> ChatCompletionRequest.builder().extraBody("stream", true),
				"choose streaming with the stream operations, not a field");
	}

	private void assertRejected(ThrowingCallable call, String message) {
		assertThatIllegalArgumentException().isThrownBy(call).withMessageContaining(message);
		assertThat(this.server.getRequestCount()).as("requests sent").isZero();
	}

	private static Map<String, String> pairs(int count) {
		Map<String, String> pairs = new LinkedHashMap<>();
		IntStream.range(0, count).forEach((i) -> pairs.put("key" + i, "value" + i));
		return pairs;
	}

}
