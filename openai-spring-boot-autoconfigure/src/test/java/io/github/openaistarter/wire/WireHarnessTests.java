package io.github.openaistarter.wire;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionDeleted;
import io.github.openaistarter.chat.model.Logprobs;
import io.github.openaistarter.chat.model.Usage;
import io.github.openaistarter.core.OpenAiJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire-fidelity checks themselves can fail: the lossless comparison reports a changed
 * or dropped value, and the coverage walk reports a property a type does not read or a
 * body does not carry.
 */
class WireHarnessTests {

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	@Test
	void losslessDecodingReportsChangedAndDroppedValues() {
		assertThat(LosslessDecoding.differences(
				PLAIN.readTree("{\"prompt_tokens\": 1, \"completion_tokens\": 2, \"total_tokens\": 3}"),
				new Usage(1, 5, 3, null, null, Map.of())))
			.containsExactly("$.completion_tokens: 2 read as 5");
		assertThat(LosslessDecoding.differences(PLAIN.readTree("{\"content\": [], \"refusal\": null}"),
				new Logprobs(null, null)))
			.containsExactly("$.content: dropped []");
		assertThat(LosslessDecoding.differences(
				PLAIN.readTree("{\"id\": \"c\", \"created\": 1, \"model\": \"m\", \"x\": 1}"),
				new ChatCompletion("c", null, 1, "m", List.of(), null, null, null, Map.of(), null, Map.of())))
			.containsExactly("$.x (unknown field): dropped 1");
	}

	@Test
	void losslessDecodingAcceptsWhatTheTypesRead() {
		String completion = """
				{"id": "c", "object": "chat.completion", "created": 1, "model": "m", "service_tier": "brand_new",
				 "choices": [{"index": 0, "message": {"role": "assistant", "content": null, "extra": [1]},
				   "finish_reason": "stop"}], "x": {"y": 2.5}}""";
		assertThat(LosslessDecoding.differences(PLAIN.readTree(completion),
				OpenAiJson.createMapper().readValue(completion, ChatCompletion.class)))
			.isEmpty();
		// ChatCompletionDeleted drops unknown fields by design: nothing it models is lost
		String deleted = "{\"object\": \"chat.completion.deleted\", \"id\": \"c\", \"deleted\": true, \"x\": 1}";
		assertThat(LosslessDecoding.differences(PLAIN.readTree(deleted),
				OpenAiJson.createMapper().readValue(deleted, ChatCompletionDeleted.class)))
			.isEmpty();
	}

	@Test
	void coverageReportsPropertiesATypeDoesNotRead() {
		Coverage coverage = new CoverageWalker(OpenApiDescription.load()).responses("CompletionUsage",
				JavaModel.of(PromptTokensOnly.class));
		assertThat(coverage.count(Coverage.Status.COVERED)).isOne();
		assertThat(coverage.missing()).hasSize(coverage.total() - 1)
			.contains("CompletionUsage.total_tokens  (at CompletionUsage.total_tokens)")
			.contains(
					"CompletionUsage.prompt_tokens_details.cached_tokens  (at CompletionUsage.prompt_tokens_details.cached_tokens)");
	}

	@Test
	void coverageReportsPropertiesNoBodyCarries() {
		Coverage coverage = new CoverageWalker(OpenApiDescription.load()).requests("CreateChatCompletionRequest", List
			.of(PLAIN.readTree("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")));
		assertThat(coverage.missing()).contains(
				"CreateChatCompletionRequest.verbosity  (at CreateChatCompletionRequest.verbosity)",
				"ChatCompletionRequestUserMessage.name  (at CreateChatCompletionRequest.messages[]->ChatCompletionRequestMessage->ChatCompletionRequestUserMessage.name)");
		assertThat(coverage.missing()).noneMatch((line) -> line.startsWith("CreateChatCompletionRequest.model ")
				|| line.startsWith("ChatCompletionRequestUserMessage.content "));
	}

	/** A usage type that reads one property only. */
	record PromptTokensOnly(@JsonProperty("prompt_tokens") long promptTokens) {

	}

}
