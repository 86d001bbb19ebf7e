package io.github.openaistarter.chat.stream;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.github.openaistarter.chat.model.AssistantMessage;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.Choice;
import io.github.openaistarter.chat.model.CustomToolCall;
import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.chat.model.FunctionCall;
import io.github.openaistarter.chat.model.Logprobs;
import io.github.openaistarter.chat.model.ServiceTier;
import io.github.openaistarter.chat.model.ToolCall;
import io.github.openaistarter.chat.model.Usage;
import io.github.openaistarter.core.OpenAiJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ChatCompletionAccumulator}.
 */
class ChatCompletionAccumulatorTests {

	private static final JsonMapper MAPPER = OpenAiJson.createMapper();

	private final ChatCompletionAccumulator accumulator = new ChatCompletionAccumulator();

	@Test
	void contentAndRefusalAreConcatenated() {
		add("""
				{"choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {"content": "Hel"}}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {"content": "lo", "refusal": "I can"}}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {"refusal": "not."}}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}""");
		ChatCompletion completion = this.accumulator.toCompletion();
		assertThat(completion.choices())
			.containsExactly(new Choice(0, AssistantMessage.builder().content("Hello").refusal("I cannot.").build(),
					FinishReason.STOP, null, Map.of()));
		assertThat(completion.text()).isEqualTo("Hello");
	}

	@Test
	void choiceWithoutContentHasNullContent() {
		add("""
				{"choices": [{"index": 0, "delta": {"role": "assistant", "refusal": "No."}, "finish_reason": "stop"}]}""");
		AssistantMessage message = this.accumulator.toCompletion().message();
		assertThat(message.content()).isNull();
		assertThat(message.refusal()).isEqualTo("No.");
		assertThat(message.toolCalls()).isEmpty();
	}

	@Test
	void toolCallFragmentsAreMergedByIndex() {
		add("""
				{"choices": [{"index": 0, "delta": {"role": "assistant", "content": null, "tool_calls": [
				  {"index": 0, "id": "call_a", "type": "function", "function": {"name": "get_weather", "arguments": ""}}]}}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": "{\\"city\\""}}]}}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": ":\\"Paris\\"}"}}]}}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]}""");
		AssistantMessage message = this.accumulator.toCompletion().message();
		assertThat(message.content()).isNull();
		assertThat(message.toolCalls())
			.containsExactly(ToolCall.function("call_a", "get_weather", "{\"city\":\"Paris\"}"));
		assertThat(this.accumulator.toCompletion().choice().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
	}

	@Test
	void interleavedToolCallsAreMergedSeparatelyAndOrderedByIndex() {
		add("""
				{"choices": [{"index": 0, "delta": {"tool_calls": [
				  {"index": 1, "id": "call_b", "type": "function", "function": {"name": "get_time", "arguments": ""}}]}}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {"tool_calls": [
				  {"index": 0, "id": "call_a", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"ci"}}]}}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 1, "function": {"arguments": "{\\"tz\\":"}},
				  {"index": 0, "function": {"arguments": "ty\\":\\"Paris\\"}"}}]}}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 1, "function": {"arguments": "\\"UTC\\"}"}}]}}]}""");
		assertThat(this.accumulator.toCompletion().message().toolCalls()).containsExactly(
				ToolCall.function("call_a", "get_weather", "{\"city\":\"Paris\"}"),
				ToolCall.function("call_b", "get_time", "{\"tz\":\"UTC\"}"));
	}

	@Test
	void customToolCallFragmentsAreMerged() {
		add("""
				{"choices": [{"index": 0, "delta": {"tool_calls": [
				  {"index": 0, "id": "call_c", "type": "custom", "custom": {"name": "sql", "input": "SELECT "}}]}}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "custom": {"input": "1"}}]}}]}""");
		assertThat(this.accumulator.toCompletion().message().toolCalls())
			.containsExactly(new ToolCall("call_c", "custom", null, new CustomToolCall("sql", "SELECT 1")));
	}

	@Test
	void toolCallWithoutArgumentsOrTypeGetsDefaults() {
		add("""
				{"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "id": "call_a", "function": {"name": "ping"}}]}}]}""");
		assertThat(this.accumulator.toCompletion().message().toolCalls())
			.containsExactly(new ToolCall("call_a", "function", new FunctionCall("ping", ""), null));
	}

	@Test
	@SuppressWarnings("deprecation")
	void functionCallFragmentsAreMerged() {
		add("""
				{"choices": [{"index": 0, "delta": {"function_call": {"name": "legacy", "arguments": "{\\"a\\""}}}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {"function_call": {"arguments": ":1}"}}, "finish_reason": "function_call"}]}""");
		Choice choice = this.accumulator.toCompletion().choice();
		assertThat(choice.message().functionCall()).isEqualTo(new FunctionCall("legacy", "{\"a\":1}"));
		assertThat(choice.finishReason()).isEqualTo(FinishReason.FUNCTION_CALL);
	}

	@Test
	void severalChoicesArrivingOutOfOrderAreKeptApartAndOrdered() {
		add("""
				{"choices": [{"index": 1, "delta": {"role": "assistant", "content": "B1"}},
				  {"index": 0, "delta": {"role": "assistant", "content": "A1"}}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {"content": "A2"}}]}""");
		add("""
				{"choices": [{"index": 2, "delta": {"content": "C1"}, "finish_reason": "content_filter"}]}""");
		add("""
				{"choices": [{"index": 1, "delta": {"content": "B2"}, "finish_reason": "length"}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}""");
		List<Choice> choices = this.accumulator.toCompletion().choices();
		assertThat(choices).extracting(Choice::index).containsExactly(0, 1, 2);
		assertThat(choices).extracting((choice) -> choice.message().text()).containsExactly("A1A2", "B1B2", "C1");
		assertThat(choices).extracting(Choice::finishReason)
			.containsExactly(FinishReason.STOP, FinishReason.LENGTH, FinishReason.CONTENT_FILTER);
	}

	@Test
	void choiceWithoutFinishReasonHasNone() {
		add("""
				{"choices": [{"index": 0, "delta": {"content": "cut"}}]}""");
		assertThat(this.accumulator.toCompletion().choice().finishReason()).isNull();
	}

	@Test
	void logprobsAreConcatenated() {
		add("""
				{"choices": [{"index": 0, "delta": {"content": "Hi"}, "logprobs": {"content": [
				  {"token": "Hi", "logprob": -0.1, "bytes": [72, 105], "top_logprobs": [{"token": "Hi", "logprob": -0.1, "bytes": [72, 105]}]}],
				  "refusal": null}}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {"content": "!"}, "logprobs": null}]}""");
		add("""
				{"choices": [{"index": 0, "delta": {"content": " you"}, "logprobs": {"content": [
				  {"token": " you", "logprob": -0.5, "bytes": null, "top_logprobs": []}], "refusal": [
				  {"token": "No", "logprob": -2.0, "bytes": [78, 111], "top_logprobs": []}]}}]}""");
		Logprobs logprobs = this.accumulator.toCompletion().choice().logprobs();
		assertThat(logprobs).isEqualTo(new Logprobs(
				List.of(new Logprobs.TokenLogprob("Hi", -0.1, List.of(72, 105),
						List.of(new Logprobs.TopLogprob("Hi", -0.1, List.of(72, 105)))),
						new Logprobs.TokenLogprob(" you", -0.5, null, List.of())),
				List.of(new Logprobs.TokenLogprob("No", -2.0, List.of(78, 111), List.of()))));
	}

	@Test
	void choiceWithoutLogprobsHasNone() {
		add("""
				{"choices": [{"index": 0, "delta": {"content": "Hi"}, "logprobs": null}]}""");
		assertThat(this.accumulator.toCompletion().choice().logprobs()).isNull();
	}

	@Test
	void usageChunkWithEmptyChoicesAddsUsage() {
		add("""
				{"choices": [{"index": 0, "delta": {"content": "Hi"}, "finish_reason": "stop"}], "usage": null}""");
		add("""
				{"choices": [], "usage": {"prompt_tokens": 8, "completion_tokens": 1, "total_tokens": 9,
				  "completion_tokens_details": {"reasoning_tokens": 0}}}""");
		ChatCompletion completion = this.accumulator.toCompletion();
		assertThat(completion.usage()).isEqualTo(new Usage(8, 1, 9, null,
				new Usage.CompletionTokensDetails(0L, null, null, null, null, Map.of()), Map.of()));
		assertThat(completion.choices()).hasSize(1);
		assertThat(completion.text()).isEqualTo("Hi");
	}

	@Test
	void firstChunkIdAndCreatedAreKept() {
		add("""
				{"id": "chatcmpl-first", "created": 100, "model": "gpt-4.1-2025-04-14", "service_tier": "default",
				  "system_fingerprint": "fp_1", "choices": [{"index": 0, "delta": {"content": "a"}}]}""");
		add("""
				{"id": "chatcmpl-second", "created": 200, "model": null, "service_tier": null,
				  "system_fingerprint": null, "moderation": {"output": {"type": "error", "code": "c", "message": "m"}},
				  "choices": [{"index": 0, "delta": {"content": "b"}}]}""");
		ChatCompletion completion = this.accumulator.toCompletion();
		assertThat(completion.id()).isEqualTo("chatcmpl-first");
		assertThat(completion.created()).isEqualTo(100L);
		assertThat(completion.object()).isEqualTo("chat.completion");
		assertThat(completion.model()).isEqualTo("gpt-4.1-2025-04-14");
		assertThat(completion.serviceTier()).isEqualTo(ServiceTier.DEFAULT);
		assertThat(completion.systemFingerprint()).isEqualTo("fp_1");
		assertThat(completion.moderation().output().code()).isEqualTo("c");
		assertThat(completion.metadata()).isEmpty();
		assertThat(completion.additionalProperties()).isEmpty();
		assertThat(completion.text()).isEqualTo("ab");
	}

	@Test
	void toCompletionBeforeAnyChunkFails() {
		assertThat(this.accumulator.hasChunks()).isFalse();
		assertThatIllegalStateException().isThrownBy(this.accumulator::toCompletion)
			.withMessage("No chunk was added; the stream was empty");
	}

	@Test
	void addReturnsTheChunkAndCompletionCanBeTakenMidStream() {
		ChatCompletionChunk first = chunk("""
				{"choices": [{"index": 0, "delta": {"content": "Hel"}}]}""");
		assertThat(this.accumulator.add(first)).isSameAs(first);
		assertThat(this.accumulator.hasChunks()).isTrue();
		ChatCompletion partial = this.accumulator.toCompletion();
		add("""
				{"choices": [{"index": 0, "delta": {"content": "lo"}, "finish_reason": "stop"}]}""");
		assertThat(partial.text()).isEqualTo("Hel");
		assertThat(partial.choice().finishReason()).isNull();
		assertThat(this.accumulator.toCompletion().text()).isEqualTo("Hello");
	}

	@Test
	void accumulateRebuildsTheCompletionOfAFlux() {
		Flux<ChatCompletionChunk> chunks = Flux.just(chunk("""
				{"choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hel"}}]}"""), chunk("""
				{"choices": [{"index": 0, "delta": {"content": "lo"}, "finish_reason": "stop"}]}"""), chunk("""
				{"choices": [], "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}}"""));
		StepVerifier.create(ChatCompletionAccumulator.accumulate(chunks)).assertNext((completion) -> {
			assertThat(completion.id()).isEqualTo("chatcmpl-1");
			assertThat(completion.text()).isEqualTo("Hello");
			assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.STOP);
			assertThat(completion.usage()).isEqualTo(new Usage(1, 2, 3, null, null, Map.of()));
		}).verifyComplete();
	}

	@Test
	void accumulateOfAnEmptyFluxIsEmpty() {
		StepVerifier.create(ChatCompletionAccumulator.accumulate(Flux.empty())).verifyComplete();
	}

	@Test
	void accumulatePassesErrorsOn() {
		Flux<ChatCompletionChunk> chunks = Flux.just(chunk("""
				{"choices": [{"index": 0, "delta": {"content": "Hel"}}]}"""))
			.concatWith(Flux.error(new IllegalStateException("cut")));
		StepVerifier.create(ChatCompletionAccumulator.accumulate(chunks)).verifyErrorMessage("cut");
	}

	@Test
	void accumulatedCompletionIsImmutable() {
		add("""
				{"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "id": "c", "function": {"name": "f"}}]},
				  "logprobs": {"content": [{"token": "a", "logprob": -1.0, "top_logprobs": []}]}}]}""");
		ChatCompletion completion = this.accumulator.toCompletion();
		assertThat(completion.choices()).isUnmodifiable();
		assertThat(completion.message().toolCalls()).isUnmodifiable();
		assertThat(completion.choice().logprobs().content()).isUnmodifiable();
	}

	private void add(String json) {
		this.accumulator.add(chunk(json));
	}

	/**
	 * Reads a chunk, with the {@code id}, {@code object}, {@code created} and
	 * {@code model} of a stream unless the JSON has them.
	 */
	private static ChatCompletionChunk chunk(String json) {
		ObjectNode node = (ObjectNode) MAPPER.readTree(json);
		if (!node.has("id")) {
			node.put("id", "chatcmpl-1");
		}
		if (!node.has("object")) {
			node.put("object", "chat.completion.chunk");
		}
		if (!node.has("created")) {
			node.put("created", 1741569952L);
		}
		if (!node.has("model")) {
			node.put("model", "gpt-4.1");
		}
		return MAPPER.treeToValue(node, ChatCompletionChunk.class);
	}

}
