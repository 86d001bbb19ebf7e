package io.github.openaistarter.chat.model;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.core.OpenAiJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for reading the answers of the API: {@link ChatCompletion},
 * {@link ChatCompletionChunk}, {@link Page}, {@link StoredMessage} and
 * {@link ChatCompletionDeleted}.
 */
class ResponseJsonTests {

	private static final String COMPLETION = """
			{
			  "id": "chatcmpl-123",
			  "object": "chat.completion",
			  "created": 1741569952,
			  "model": "gpt-4.1-2025-04-14",
			  "choices": [{
			    "index": 0,
			    "message": {
			      "role": "assistant",
			      "content": "Hello! See [1].",
			      "refusal": null,
			      "annotations": [{"type": "url_citation", "url_citation": {"start_index": 11, "end_index": 14,
			        "url": "https://example.com", "title": "Example"}}],
			      "audio": {"id": "audio_1", "data": "UklGRg==", "transcript": "Hello!", "expires_at": 1741573552},
			      "message_extra": "kept"
			    },
			    "logprobs": {
			      "content": [{"token": "Hello", "logprob": -0.31, "bytes": [72, 101, 108, 108, 111],
			        "top_logprobs": [{"token": "Hello", "logprob": -0.31, "bytes": [72, 101, 108, 108, 111]},
			          {"token": "Hi", "logprob": -1.5, "bytes": null}]}],
			      "refusal": null
			    },
			    "finish_reason": "brand_new_reason",
			    "choice_extra": {"k": "v"}
			  }],
			  "usage": {
			    "prompt_tokens": 19, "completion_tokens": 10, "total_tokens": 29,
			    "prompt_tokens_details": {"cached_tokens": 3, "audio_tokens": 0, "text_tokens": 16, "image_tokens": 0,
			      "cache_write_tokens": 1, "future_tokens": 2},
			    "completion_tokens_details": {"reasoning_tokens": 4, "audio_tokens": 0, "text_tokens": 6,
			      "accepted_prediction_tokens": 1, "rejected_prediction_tokens": 2, "future_tokens": 5},
			    "usage_extra": 7
			  },
			  "service_tier": "ultra",
			  "system_fingerprint": "fp_44709d6fcb",
			  "metadata": {"topic": "greetings"},
			  "moderation": {
			    "input": {"type": "moderation_results", "model": "omni-moderation-latest", "results": [{
			      "type": "moderation_result", "model": "omni-moderation-latest", "flagged": true,
			      "categories": {"violence": true, "hate": false}, "category_scores": {"violence": 0.91, "hate": 0.02},
			      "category_applied_input_types": {"violence": ["text", "image"], "hate": ["text"]}, "result_extra": 1}]},
			    "output": {"type": "error", "code": "moderation_unavailable", "message": "Moderation failed"},
			    "moderation_extra": true
			  },
			  "top_extra": {"nested": [1, 2]}
			}""";

	private final JsonMapper mapper = OpenAiJson.createMapper();

	@Test
	void completionWithEverythingIsRead() {
		ChatCompletion completion = this.mapper.readValue(COMPLETION, ChatCompletion.class);
		assertThat(completion.id()).isEqualTo("chatcmpl-123");
		assertThat(completion.object()).isEqualTo("chat.completion");
		assertThat(completion.created()).isEqualTo(1741569952L);
		assertThat(completion.model()).isEqualTo("gpt-4.1-2025-04-14");
		assertThat(completion.serviceTier()).isEqualTo(ServiceTier.of("ultra"));
		assertThat(completion.serviceTier().value()).isEqualTo("ultra");
		assertThat(completion.systemFingerprint()).isEqualTo("fp_44709d6fcb");
		assertThat(completion.metadata()).isEqualTo(Map.of("topic", "greetings"));
		assertThat(completion.moderation()).isNotNull();
		assertThat(completion.additionalProperties()).isEqualTo(Map.of("top_extra", Map.of("nested", List.of(1, 2))));
		assertThat(completion.text()).isEqualTo("Hello! See [1].");
	}

	@Test
	void choiceOfCompletionIsRead() {
		ChatCompletion completion = this.mapper.readValue(COMPLETION, ChatCompletion.class);
		assertThat(completion.choices()).hasSize(1);
		Choice choice = completion.choice();
		assertThat(choice.index()).isZero();
		assertThat(choice.finishReason()).isEqualTo(FinishReason.of("brand_new_reason"));
		assertThat(choice.additionalProperties()).isEqualTo(Map.of("choice_extra", Map.of("k", "v")));
		AssistantMessage message = completion.message();
		assertThat(message).isSameAs(choice.message());
		assertThat(message.content()).isEqualTo("Hello! See [1].");
		assertThat(message.refusal()).isNull();
		assertThat(message.toolCalls()).isEmpty();
		assertThat(message.annotations()).containsExactly(new Annotation("url_citation",
				new Annotation.UrlCitation(11, 14, "https://example.com", "Example"), Map.of()));
		assertThat(message.audio()).isEqualTo(new AssistantAudio("audio_1", 1741573552L, "UklGRg==", "Hello!"));
		assertThat(message.additionalProperties()).isEqualTo(Map.of("message_extra", "kept"));
	}

	@Test
	void logprobsOfCompletionAreRead() {
		Logprobs logprobs = this.mapper.readValue(COMPLETION, ChatCompletion.class).choice().logprobs();
		assertThat(logprobs).isNotNull();
		assertThat(logprobs.refusal()).isNull();
		assertThat(logprobs.content())
			.containsExactly(new Logprobs.TokenLogprob("Hello", -0.31, List.of(72, 101, 108, 108, 111),
					List.of(new Logprobs.TopLogprob("Hello", -0.31, List.of(72, 101, 108, 108, 111)),
							new Logprobs.TopLogprob("Hi", -1.5, null))));
	}

	@Test
	void usageOfCompletionIsRead() {
		Usage usage = this.mapper.readValue(COMPLETION, ChatCompletion.class).usage();
		assertThat(usage).isNotNull();
		assertThat(usage.promptTokens()).isEqualTo(19);
		assertThat(usage.completionTokens()).isEqualTo(10);
		assertThat(usage.totalTokens()).isEqualTo(29);
		assertThat(usage.promptTokensDetails())
			.isEqualTo(new Usage.PromptTokensDetails(3L, 0L, 16L, 0L, 1L, Map.of("future_tokens", 2)));
		assertThat(usage.completionTokensDetails())
			.isEqualTo(new Usage.CompletionTokensDetails(4L, 0L, 6L, 1L, 2L, Map.of("future_tokens", 5)));
		assertThat(usage.additionalProperties()).isEqualTo(Map.of("usage_extra", 7));
	}

	@Test
	void moderationResultsAndErrorsAreRead() {
		Moderation moderation = this.mapper.readValue(COMPLETION, ChatCompletion.class).moderation();
		ModerationOutcome input = moderation.input();
		assertThat(input.type()).isEqualTo("moderation_results");
		assertThat(input.isError()).isFalse();
		assertThat(input.flagged()).isTrue();
		assertThat(input.model()).isEqualTo("omni-moderation-latest");
		assertThat(input.results()).singleElement().satisfies((result) -> {
			assertThat(result.type()).isEqualTo("moderation_result");
			assertThat(result.model()).isEqualTo("omni-moderation-latest");
			assertThat(result.flagged()).isTrue();
			assertThat(result.categories()).isEqualTo(Map.of("violence", true, "hate", false));
			assertThat(result.categoryScores()).isEqualTo(Map.of("violence", 0.91, "hate", 0.02));
			assertThat(result.categoryAppliedInputTypes())
				.isEqualTo(Map.of("violence", List.of("text", "image"), "hate", List.of("text")));
			assertThat(result.additionalProperties()).isEqualTo(Map.of("result_extra", 1));
		});
		ModerationOutcome output = moderation.output();
		assertThat(output.isError()).isTrue();
		assertThat(output.flagged()).isFalse();
		assertThat(output.code()).isEqualTo("moderation_unavailable");
		assertThat(output.message()).isEqualTo("Moderation failed");
		assertThat(output.results()).isEmpty();
		assertThat(moderation.additionalProperties()).isEqualTo(Map.of("moderation_extra", true));
	}

	@Test
	void completionIsImmutable() {
		ChatCompletion completion = this.mapper.readValue(COMPLETION, ChatCompletion.class);
		assertThat(completion.choices()).isUnmodifiable();
		assertThat(completion.metadata()).isUnmodifiable();
		assertThat(completion.moderation().input().results()).isUnmodifiable();
		assertThat(completion.moderation().input().results().get(0).categories()).isUnmodifiable();
		assertThat(completion.moderation().additionalProperties()).isUnmodifiable();
		assertThat(completion.additionalProperties()).isUnmodifiable();
		assertThat(completion.choice().additionalProperties()).isUnmodifiable();
		assertThat(completion.message().annotations()).isUnmodifiable();
		assertThat(completion.message().toolCalls()).isUnmodifiable();
		assertThat(completion.message().additionalProperties()).isUnmodifiable();
		Logprobs logprobs = completion.choice().logprobs();
		assertThat(logprobs.content()).isUnmodifiable();
		assertThat(logprobs.content().get(0).bytes()).isUnmodifiable();
		assertThat(logprobs.content().get(0).topLogprobs()).isUnmodifiable();
		assertThat(completion.usage().additionalProperties()).isUnmodifiable();
		assertThat(completion.usage().promptTokensDetails().additionalProperties()).isUnmodifiable();
	}

	@Test
	void completionWithToolCallsIsRead() {
		ChatCompletion completion = this.mapper.readValue(
				"""
						{"id": "chatcmpl-2", "object": "chat.completion", "created": 1, "model": "gpt-4.1",
						  "choices": [{"index": 0, "finish_reason": "tool_calls", "logprobs": null,
						    "message": {"role": "assistant", "content": null, "tool_calls": [
						      {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}},
						      {"id": "call_2", "type": "custom", "custom": {"name": "sql", "input": "SELECT 1"}}]}}]}""",
				ChatCompletion.class);
		assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(completion.message().content()).isNull();
		assertThat(completion.text()).isEmpty();
		assertThat(completion.message().toolCalls()).containsExactly(
				ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"),
				new ToolCall("call_2", "custom", null, new CustomToolCall("sql", "SELECT 1")));
	}

	@Test
	void completionWithoutChoicesUsageOrMetadataIsRead() {
		ChatCompletion completion = this.mapper.readValue("""
				{"id": "chatcmpl-3", "object": "chat.completion", "created": 1, "model": "gpt-4.1"}""",
				ChatCompletion.class);
		assertThat(completion.choices()).isEmpty();
		assertThat(completion.usage()).isNull();
		assertThat(completion.serviceTier()).isNull();
		assertThat(completion.metadata()).isEmpty();
		assertThat(completion.moderation()).isNull();
		assertThat(completion.additionalProperties()).isEmpty();
		assertThatIllegalStateException().isThrownBy(completion::choice)
			.withMessage("Completion chatcmpl-3 has no choices");
	}

	@Test
	void completionWithNullListsIsRead() {
		ChatCompletion completion = this.mapper.readValue("""
				{"id": "chatcmpl-4", "object": "chat.completion", "created": 1, "model": "gpt-4.1",
				  "choices": [{"index": 0, "finish_reason": null, "logprobs": {"content": null, "refusal": null},
				    "message": {"role": "assistant", "content": "Hi", "tool_calls": null, "annotations": null}}],
				  "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3,
				    "prompt_tokens_details": null, "completion_tokens_details": null},
				  "metadata": null, "service_tier": null, "moderation": null}""", ChatCompletion.class);
		assertThat(completion.metadata()).isEmpty();
		assertThat(completion.serviceTier()).isNull();
		Choice choice = completion.choice();
		assertThat(choice.finishReason()).isNull();
		assertThat(choice.logprobs()).isEqualTo(new Logprobs(null, null));
		assertThat(choice.message().toolCalls()).isEmpty();
		assertThat(choice.message().annotations()).isEmpty();
		assertThat(completion.usage()).isEqualTo(new Usage(1, 2, 3, null, null, Map.of()));
	}

	@Test
	void choiceWithNullMessageGetsAnEmptyMessage() {
		ChatCompletion completion = this.mapper.readValue("""
				{"id": "chatcmpl-5", "object": "chat.completion", "created": 1, "model": "gpt-4.1",
				  "choices": [{"index": 0, "message": null, "finish_reason": "length"}]}""", ChatCompletion.class);
		assertThat(completion.message()).isEqualTo(AssistantMessage.builder().build());
		assertThat(completion.text()).isEmpty();
		assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.LENGTH);
	}

	@Test
	void messageWithoutRoleIsRead() {
		ChatCompletion completion = this.mapper.readValue("""
				{"id": "chatcmpl-6", "object": "chat.completion", "created": 1, "model": "local",
				  "choices": [{"index": 0, "message": {"content": "no role here"}, "finish_reason": "stop"}]}""",
				ChatCompletion.class);
		assertThat(completion.text()).isEqualTo("no role here");
		assertThat(this.mapper.readValue("{\"role\": \"assistant\", \"content\": \"hi\"}", ChatMessage.class))
			.isEqualTo(AssistantMessage.of("hi"));
		assertThat(this.mapper.writeValueAsString(completion.message()))
			.isEqualTo("{\"role\":\"assistant\",\"content\":\"no role here\"}");
	}

	@Test
	void tokenLogprobWithoutTopLogprobsHasAnEmptyList() {
		Logprobs.TokenLogprob token = this.mapper.readValue("""
				{"token": "a", "logprob": -1.0, "bytes": [97]}""", Logprobs.TokenLogprob.class);
		assertThat(token).isEqualTo(new Logprobs.TokenLogprob("a", -1.0, List.of(97), List.of()));
	}

	@Test
	void chunkIsRead() {
		ChatCompletionChunk chunk = this.mapper.readValue("""
				{"id": "chatcmpl-6", "object": "chat.completion.chunk", "created": 1741569952, "model": "gpt-4.1",
				  "service_tier": "default", "system_fingerprint": "fp_1", "obfuscation": "a1B2",
				  "choices": [{"index": 0, "logprobs": null, "finish_reason": null, "choice_extra": 1,
				    "delta": {"role": "assistant", "content": "Hel", "refusal": null, "delta_extra": true,
				      "tool_calls": [{"index": 0, "id": "call_1", "type": "function",
				        "function": {"name": "get_weather", "arguments": "{\\"ci"}, "call_extra": "x"}]}}],
				  "usage": null, "chunk_extra": "y"}""", ChatCompletionChunk.class);
		assertThat(chunk.id()).isEqualTo("chatcmpl-6");
		assertThat(chunk.object()).isEqualTo("chat.completion.chunk");
		assertThat(chunk.created()).isEqualTo(1741569952L);
		assertThat(chunk.model()).isEqualTo("gpt-4.1");
		assertThat(chunk.serviceTier()).isEqualTo(ServiceTier.DEFAULT);
		assertThat(chunk.systemFingerprint()).isEqualTo("fp_1");
		assertThat(chunk.obfuscation()).isEqualTo("a1B2");
		assertThat(chunk.usage()).isNull();
		assertThat(chunk.additionalProperties()).isEqualTo(Map.of("chunk_extra", "y"));
		assertThat(chunk.text()).isEqualTo("Hel");
		assertThat(chunk.choices()).containsExactly(new ChunkChoice(0,
				new ChunkDelta("assistant", "Hel", null,
						List.of(new ToolCallDelta(0, "call_1", "function", new FunctionCall("get_weather", "{\"ci"),
								null, Map.of("call_extra", "x"))),
						null, Map.of("delta_extra", true)),
				null, null, Map.of("choice_extra", 1)));
	}

	@Test
	void usageChunkWithEmptyChoicesIsRead() {
		ChatCompletionChunk chunk = this.mapper.readValue("""
				{"id": "chatcmpl-6", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4.1",
				  "choices": [], "usage": {"prompt_tokens": 5, "completion_tokens": 7, "total_tokens": 12}}""",
				ChatCompletionChunk.class);
		assertThat(chunk.choices()).isEmpty();
		assertThat(chunk.text()).isEmpty();
		assertThat(chunk.usage()).isEqualTo(new Usage(5, 7, 12, null, null, Map.of()));
	}

	@Test
	void chunkWithNullOrMissingPartsIsRead() {
		ChatCompletionChunk chunk = this.mapper.readValue("""
				{"id": "chatcmpl-7", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4.1",
				  "choices": [{"index": 1, "finish_reason": "stop"}, {"index": 2, "delta": {"tool_calls": null}}]}""",
				ChatCompletionChunk.class);
		assertThat(chunk.choices()).containsExactly(
				new ChunkChoice(1, ChunkDelta.EMPTY, FinishReason.STOP, null, Map.of()),
				new ChunkChoice(2, ChunkDelta.EMPTY, null, null, Map.of()));
		assertThat(chunk.text()).isEmpty();
		ChatCompletionChunk nullChoices = this.mapper.readValue("""
				{"id": "chatcmpl-7", "created": 1, "model": "gpt-4.1", "choices": null}""", ChatCompletionChunk.class);
		assertThat(nullChoices.choices()).isEmpty();
		assertThat(nullChoices.object()).isNull();
	}

	@Test
	void chunkIsImmutable() {
		ChatCompletionChunk chunk = this.mapper.readValue("""
				{"id": "c", "created": 1, "model": "m", "moderation": {"a": 1}, "x": 1, "choices": [{"index": 0,
				  "delta": {"tool_calls": [{"index": 0, "y": 2}], "z": 3}}]}""", ChatCompletionChunk.class);
		assertThat(chunk.choices()).isUnmodifiable();
		assertThat(chunk.moderation().additionalProperties()).isEqualTo(Map.of("a", 1)).isUnmodifiable();
		assertThat(chunk.additionalProperties()).isUnmodifiable();
		assertThat(chunk.choices().get(0).delta().toolCalls()).isUnmodifiable();
		assertThat(chunk.choices().get(0).delta().additionalProperties()).isUnmodifiable();
		assertThat(chunk.choices().get(0).delta().toolCalls().get(0).additionalProperties()).isUnmodifiable();
	}

	@Test
	void pageOfCompletionsIsRead() {
		Page<ChatCompletion> page = this.mapper.readValue("""
				{"object": "list", "data": [
				  {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4.1", "choices": []},
				  {"id": "chatcmpl-2", "object": "chat.completion", "created": 2, "model": "gpt-4.1", "choices": []}],
				  "first_id": "chatcmpl-1", "last_id": "chatcmpl-2", "has_more": true, "page_extra": 1}""",
				new TypeReference<Page<ChatCompletion>>() {
				});
		assertThat(page.object()).isEqualTo("list");
		assertThat(page.data()).extracting(ChatCompletion::id).containsExactly("chatcmpl-1", "chatcmpl-2");
		assertThat(page.data()).allSatisfy((completion) -> assertThat(completion).isInstanceOf(ChatCompletion.class));
		assertThat(page.data()).isUnmodifiable();
		assertThat(page.firstId()).isEqualTo("chatcmpl-1");
		assertThat(page.lastId()).isEqualTo("chatcmpl-2");
		assertThat(page.hasMore()).isTrue();
	}

	@Test
	void emptyPageWithNullIdsIsRead() {
		Page<ChatCompletion> page = this.mapper.readValue("""
				{"object": "list", "data": [], "first_id": null, "last_id": null, "has_more": false}""",
				new TypeReference<Page<ChatCompletion>>() {
				});
		assertThat(page).isEqualTo(new Page<>("list", List.of(), null, null, false));
		Page<ChatCompletion> nullData = this.mapper.readValue("""
				{"object": "list", "data": null, "has_more": false}""", new TypeReference<Page<ChatCompletion>>() {
		});
		assertThat(nullData.data()).isEmpty();
	}

	@Test
	void storedUserMessageWithContentPartsIsRead() {
		Page<StoredMessage> page = this.mapper.readValue("""
				{"object": "list", "data": [{"id": "chatcmpl-1-0", "role": "user", "content": null, "name": null,
				  "content_parts": [
				    {"type": "text", "text": "What is "},
				    {"type": "image_url", "image_url": {"url": "https://example.com/cat.png", "detail": "auto"}},
				    {"type": "hologram", "hologram": {"id": "h1"}, "depth": 3},
				    {"type": "text", "text": "this?"}]}],
				  "first_id": "chatcmpl-1-0", "last_id": "chatcmpl-1-0", "has_more": false}""",
				new TypeReference<Page<StoredMessage>>() {
				});
		StoredMessage message = page.data().get(0);
		assertThat(message.id()).isEqualTo("chatcmpl-1-0");
		assertThat(message.role()).isEqualTo("user");
		assertThat(message.content()).isNull();
		assertThat(message.contentParts()).containsExactly(ContentPart.text("What is "),
				ContentPart.imageUrl("https://example.com/cat.png", "auto"),
				new UnknownContentPart("hologram", Map.of("hologram", Map.of("id", "h1"), "depth", 3)),
				ContentPart.text("this?"));
		assertThat(message.contentParts()).isUnmodifiable();
		assertThat(message.text()).isEqualTo("What is this?");
		assertThat(message.toolCalls()).isEmpty();
		assertThat(message.annotations()).isEmpty();
		assertThat(message.additionalProperties()).isEmpty();
	}

	@Test
	@SuppressWarnings("deprecation")
	void storedAssistantMessageIsRead() {
		StoredMessage message = this.mapper.readValue("""
				{"id": "chatcmpl-1-1", "role": "assistant", "content": "Sunny.", "refusal": null, "name": "bot",
				  "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}],
				  "annotations": [{"type": "file_citation", "file_id": "file-1"}],
				  "audio": {"id": "audio_1", "expires_at": 5, "data": "AA", "transcript": "Sunny."},
				  "function_call": {"name": "legacy", "arguments": "{}"},
				  "stored_extra": [1]}""", StoredMessage.class);
		assertThat(message).isEqualTo(new StoredMessage("chatcmpl-1-1", "assistant", "Sunny.", null, "bot", null,
				List.of(ToolCall.function("call_1", "f", "{}")),
				List.of(new Annotation("file_citation", null, Map.of("file_id", "file-1"))),
				new AssistantAudio("audio_1", 5L, "AA", "Sunny."), new FunctionCall("legacy", "{}"),
				Map.of("stored_extra", List.of(1))));
		assertThat(message.text()).isEqualTo("Sunny.");
	}

	@Test
	void storedMessageWithNullListsIsRead() {
		StoredMessage message = this.mapper.readValue("""
				{"id": "m", "role": "system", "content": "x", "content_parts": null, "tool_calls": null,
				  "annotations": null}""", StoredMessage.class);
		assertThat(message.contentParts()).isNull();
		assertThat(message.toolCalls()).isEmpty();
		assertThat(message.annotations()).isEmpty();
		assertThat(message.text()).isEqualTo("x");
		StoredMessage empty = this.mapper.readValue("{\"id\": \"m\"}", StoredMessage.class);
		assertThat(empty.role()).isNull();
		assertThat(empty.text()).isEmpty();
	}

	@Test
	void deletedIsRead() {
		ChatCompletionDeleted deleted = this.mapper.readValue("""
				{"object": "chat.completion.deleted", "id": "chatcmpl-1", "deleted": true, "extra": 1}""",
				ChatCompletionDeleted.class);
		assertThat(deleted).isEqualTo(new ChatCompletionDeleted("chat.completion.deleted", "chatcmpl-1", true));
	}

}
