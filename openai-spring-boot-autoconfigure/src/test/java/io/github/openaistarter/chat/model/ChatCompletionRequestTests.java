package io.github.openaistarter.chat.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ChatCompletionRequest} and its builder.
 */
class ChatCompletionRequestTests {

	@ParameterizedTest
	@ValueSource(strings = { "messages", "model", "store", "metadata", "temperature", "top_p", "n", "stop",
			"max_completion_tokens", "max_tokens", "presence_penalty", "frequency_penalty", "logit_bias", "logprobs",
			"top_logprobs", "seed", "user", "safety_identifier", "prompt_cache_key", "prompt_cache_retention",
			"prompt_cache_options", "service_tier", "reasoning_effort", "verbosity", "modalities", "audio",
			"prediction", "web_search_options", "response_format", "tools", "tool_choice", "parallel_tool_calls",
			"stream_options", "moderation" })
	void extraBodyRefusesFieldsWithABuilderMethod(String name) {
		ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.extraBody(name, "x"))
			.withMessage("'" + name + "' has a builder method of its own");
	}

	@Test
	void extraBodyRefusesStream() {
		ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.extraBody("stream", true))
			.withMessage("choose streaming with the stream operations, not a field");
	}

	@Test
	void extraBodyRefusesEmptyName() {
		ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.extraBody("", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.extraBody(" ", 1));
	}

	@Test
	void buildRefusesMissingMessages() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatCompletionRequest.builder().model("gpt-4.1").build())
			.withMessage("messages must not be empty");
	}

	@Test
	void buildRefusesEmptyMessages() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatCompletionRequest.of("gpt-4.1", List.of()))
			.withMessage("messages must not be empty");
	}

	@Test
	void builderRefusesInvalidValues() {
		ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.model(" "))
			.withMessage("model must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.n(0)).withMessage("n must be at least 1");
		List<ChatMessage> withNull = new ArrayList<>();
		withNull.add(null);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.messages(withNull))
			.withMessage("messages must not contain null");
	}

	@Test
	void metadataIsValidated() {
		ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.metadata(Map.of("k".repeat(65), "v")));
	}

	@Test
	void messageAppendsAndMessagesReplaces() {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(ChatMessage.user("a"))
			.message(ChatMessage.user("b"))
			.build();
		assertThat(request.messages()).containsExactly(ChatMessage.user("a"), ChatMessage.user("b"));
		ChatCompletionRequest replaced = request.mutate().messages(List.of(ChatMessage.user("c"))).build();
		assertThat(replaced.messages()).containsExactly(ChatMessage.user("c"));
	}

	@Test
	void toolAppends() {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(ChatMessage.user("a"))
			.tool(Tool.function("f", null, null))
			.tool(Tool.function("g", null, null))
			.build();
		assertThat(request.get("tools"))
			.isEqualTo(List.of(Tool.function("f", null, null), Tool.function("g", null, null)));
	}

	@Test
	void gettersReturnTheFields() {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.model("gpt-4.1")
			.message(ChatMessage.user("a"))
			.store(true)
			.metadata(Map.of("k", "v"))
			.temperature(0.3)
			.build();
		assertThat(request.model()).isEqualTo("gpt-4.1");
		assertThat(request.store()).isTrue();
		assertThat(request.metadata()).isEqualTo(Map.of("k", "v"));
		assertThat(request.get("temperature")).isEqualTo(0.3);
		assertThat(request.get("top_p")).isNull();
		ChatCompletionRequest bare = ChatCompletionRequest.of(List.of(ChatMessage.user("a")));
		assertThat(bare.model()).isNull();
		assertThat(bare.store()).isNull();
		assertThat(bare.metadata()).isEmpty();
	}

	@Test
	void mutateCopiesAndLeavesTheOriginalUnchanged() {
		ChatCompletionRequest original = ChatCompletionRequest.builder()
			.model("gpt-4.1")
			.message(ChatMessage.user("a"))
			.temperature(0.2)
			.tool(Tool.function("f", null, null))
			.build();
		assertThat(original.mutate().build()).isEqualTo(original).hasSameHashCodeAs(original);
		ChatCompletionRequest changed = original.mutate()
			.message(ChatMessage.user("b"))
			.temperature(null)
			.tool(Tool.function("g", null, null))
			.model("gpt-5")
			.build();
		assertThat(changed.model()).isEqualTo("gpt-5");
		assertThat(changed.messages()).containsExactly(ChatMessage.user("a"), ChatMessage.user("b"));
		assertThat(changed.get("temperature")).isNull();
		assertThat((List<?>) changed.get("tools")).hasSize(2);
		assertThat(original.model()).isEqualTo("gpt-4.1");
		assertThat(original.messages()).containsExactly(ChatMessage.user("a"));
		assertThat(original.get("temperature")).isEqualTo(0.2);
		assertThat((List<?>) original.get("tools")).hasSize(1);
		assertThat(changed).isNotEqualTo(original);
	}

	@Test
	void builderReuseDoesNotChangeBuiltRequests() {
		ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder().message(ChatMessage.user("a"));
		ChatCompletionRequest first = builder.build();
		builder.message(ChatMessage.user("b")).temperature(1.0);
		assertThat(first.messages()).containsExactly(ChatMessage.user("a"));
		assertThat(first.get("temperature")).isNull();
	}

	@Test
	void requestIsImmutable() {
		List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.user("a")));
		List<String> stop = new ArrayList<>(List.of("END"));
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.messages(messages)
			.stop(stop)
			.metadata(Map.of("k", "v"))
			.logitBias(Map.of("1", 2))
			.modalities(List.of("text"))
			.tool(Tool.function("f", null, null))
			.build();
		messages.add(ChatMessage.user("b"));
		stop.add("STOP");
		assertThat(request.messages()).containsExactly(ChatMessage.user("a"));
		assertThat(request.get("stop")).isEqualTo(List.of("END"));
		assertThat(request.body()).isUnmodifiable();
		assertThat(request.messages()).isUnmodifiable();
		assertThat(request.metadata()).isUnmodifiable();
		assertThat((List<?>) request.get("stop")).isUnmodifiable();
		assertThat((Map<?, ?>) request.get("logit_bias")).isUnmodifiable();
		assertThat((List<?>) request.get("modalities")).isUnmodifiable();
		assertThat((List<?>) request.get("tools")).isUnmodifiable();
	}

	@Test
	void requestsWithTheSameFieldsAreEqual() {
		ChatCompletionRequest one = ChatCompletionRequest.builder().message(ChatMessage.user("a")).seed(1L).build();
		ChatCompletionRequest two = ChatCompletionRequest.builder().seed(1L).message(ChatMessage.user("a")).build();
		assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
		assertThat(one.toString()).startsWith("ChatCompletionRequest{").contains("seed=1");
	}

}
