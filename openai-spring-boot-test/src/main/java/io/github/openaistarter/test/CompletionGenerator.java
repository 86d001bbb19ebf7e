package io.github.openaistarter.test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the {@code chat.completion} answering a create request: one choice per
 * {@code n}, each the {@link Answer}'s refusal, tool calls or text, with the request's
 * model, rough token usage and the fields the API always sends. A text longer than
 * {@code max_completion_tokens} (or {@code max_tokens}) tokens is cut there with
 * {@code finish_reason: "length"}: a word is a token, and for JSON answers four
 * characters are (so a cut JSON answer is no longer valid JSON, like a cut structured
 * answer from OpenAI). Tool calls are never cut. With {@code n > 1}, each choice's text
 * ends with its number, as in {@code "echo: hi (2)"}, so choices can be told apart (not a
 * JSON answer, which stays valid JSON).
 */
final class CompletionGenerator {

	static final String SYSTEM_FINGERPRINT = "fp_fake0001";

	private static final int JSON_CHARACTERS_PER_TOKEN = 4;

	private static final Pattern LEADING_WORDS = Pattern.compile("\\s*\\S+");

	ObjectNode generate(JsonNode request, Answer answer) {
		int n = request.path("n").asInt(1);
		ObjectNode completion = Json.object();
		completion.put("id", Ids.completion());
		completion.put("object", "chat.completion");
		completion.put("created", Instant.now().getEpochSecond());
		completion.put("model", request.path("model").asString());
		ArrayNode choices = completion.putArray("choices");
		int completionTokens = 0;
		boolean refuses = answer.refuses(request);
		List<Answer.ToolCall> toolCalls = refuses ? List.of() : answer.toolCalls(request);
		boolean json = Answer.wantsJson(request);
		for (int index = 0; index < n; index++) {
			ObjectNode message = Json.object().put("role", "assistant");
			String finishReason = "stop";
			if (refuses) {
				message.putNull("content");
				message.put("refusal", Answer.REFUSAL);
				completionTokens += Conversation.words(Answer.REFUSAL);
			}
			else if (!toolCalls.isEmpty()) {
				message.putNull("content");
				message.putNull("refusal");
				completionTokens += toolCalls(message, toolCalls);
				finishReason = "tool_calls";
			}
			else {
				String text = answer.text(request) + ((n > 1 && !json) ? " (" + (index + 1) + ")" : "");
				int maxTokens = maxTokens(request);
				if (tokens(text, json) > maxTokens) {
					text = json ? firstCodePoints(text, maxTokens * JSON_CHARACTERS_PER_TOKEN)
							: firstWords(text, maxTokens);
					finishReason = "length";
				}
				message.put("content", text);
				message.putNull("refusal");
				completionTokens += Math.max(1, tokens(text, json));
			}
			message.putArray("annotations");
			ObjectNode choice = choices.addObject().put("index", index);
			choice.set("message", message);
			choice.putNull("logprobs");
			choice.put("finish_reason", finishReason);
		}
		completion.set("usage", usage(Conversation.promptTokens(request), completionTokens));
		completion.put("service_tier", serviceTier(request));
		completion.put("system_fingerprint", SYSTEM_FINGERPRINT);
		if (request.path("store").asBoolean(false)) {
			completion.set("metadata",
					request.path("metadata").isObject() ? request.path("metadata").deepCopy() : Json.object());
		}
		return completion;
	}

	private static int toolCalls(ObjectNode message, List<Answer.ToolCall> toolCalls) {
		ArrayNode calls = message.putArray("tool_calls");
		int tokens = 0;
		for (Answer.ToolCall toolCall : toolCalls) {
			ObjectNode call = calls.addObject();
			call.put("id", Ids.toolCall());
			call.put("type", "function");
			call.putObject("function").put("name", toolCall.name()).put("arguments", toolCall.arguments());
			tokens += jsonTokens(toolCall.arguments());
		}
		return tokens;
	}

	private static int tokens(String text, boolean json) {
		return json ? jsonTokens(text) : Conversation.words(text);
	}

	private static int jsonTokens(String json) {
		return (json.codePointCount(0, json.length()) + JSON_CHARACTERS_PER_TOKEN - 1) / JSON_CHARACTERS_PER_TOKEN;
	}

	private static String firstCodePoints(String text, int count) {
		return (text.codePointCount(0, text.length()) <= count) ? text
				: text.substring(0, text.offsetByCodePoints(0, count));
	}

	private static ObjectNode usage(int promptTokens, int completionTokens) {
		ObjectNode usage = Json.object();
		usage.put("prompt_tokens", promptTokens);
		usage.put("completion_tokens", completionTokens);
		usage.put("total_tokens", promptTokens + completionTokens);
		usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
		ObjectNode details = usage.putObject("completion_tokens_details");
		Arrays.asList("reasoning_tokens", "audio_tokens", "accepted_prediction_tokens", "rejected_prediction_tokens")
			.forEach((name) -> details.put(name, 0));
		return usage;
	}

	private static int maxTokens(JsonNode request) {
		JsonNode max = request.has("max_completion_tokens") ? request.path("max_completion_tokens")
				: request.path("max_tokens");
		return max.isIntegralNumber() ? Math.max(0, max.asInt()) : Integer.MAX_VALUE;
	}

	private static String firstWords(String text, int count) {
		Matcher matcher = LEADING_WORDS.matcher(text);
		int end = 0;
		for (int i = 0; i < count && matcher.find(); i++) {
			end = matcher.end();
		}
		return text.substring(0, end);
	}

	private static String serviceTier(JsonNode request) {
		String tier = request.path("service_tier").asString("auto");
		return "auto".equals(tier) ? "default" : tier;
	}

}
