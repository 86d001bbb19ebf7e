package io.github.openaistarter.test;

import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the {@code chat.completion} answering a create request: one choice per {@code n}, each the
 * {@link Answer}'s text or tool call, with the request's model, rough token usage and the fields the API always
 * sends. A text longer than {@code max_completion_tokens} (or {@code max_tokens}) words is cut there with
 * {@code finish_reason: "length"}. With {@code n > 1}, each choice's text ends with its number, as in
 * {@code "echo: hi (2)"}, so choices can be told apart (not a JSON answer, which stays valid JSON).
 */
final class CompletionGenerator {

	static final String SYSTEM_FINGERPRINT = "fp_fake0001";

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
		Answer.ToolCall toolCall = answer.toolCall(request);
		for (int index = 0; index < n; index++) {
			ObjectNode choice = (toolCall != null) ? toolCallChoice(toolCall)
					: textChoice(answer.text(request) + ((n > 1 && !Answer.wantsJson(request)) ? " (" + (index + 1) + ")" : ""),
							maxTokens(request));
			choices.addObject().put("index", index).setAll(choice);
			completionTokens += Math.max(1, Conversation.words(choice.path("message").path("content").asString(""))
					+ ((toolCall != null) ? toolCall.arguments().length() / 4 : 0));
		}
		completion.set("usage", usage(Conversation.promptTokens(request), completionTokens));
		completion.put("service_tier", serviceTier(request));
		completion.put("system_fingerprint", SYSTEM_FINGERPRINT);
		if (request.path("store").asBoolean(false)) {
			completion.set("metadata", request.path("metadata").isObject() ? request.path("metadata").deepCopy()
					: Json.object());
		}
		return completion;
	}

	private static ObjectNode textChoice(String text, int maxTokens) {
		String content = text;
		String finishReason = "stop";
		if (Conversation.words(text) > maxTokens) {
			content = firstWords(text, maxTokens);
			finishReason = "length";
		}
		ObjectNode choice = Json.object();
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		message.put("content", content);
		message.putNull("refusal");
		message.putArray("annotations");
		choice.putNull("logprobs");
		choice.put("finish_reason", finishReason);
		return choice;
	}

	private static ObjectNode toolCallChoice(Answer.ToolCall toolCall) {
		ObjectNode choice = Json.object();
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		message.putNull("content");
		message.putNull("refusal");
		message.putArray("annotations");
		ObjectNode call = message.putArray("tool_calls").addObject();
		call.put("id", Ids.toolCall());
		call.put("type", "function");
		call.putObject("function").put("name", toolCall.name()).put("arguments", toolCall.arguments());
		choice.putNull("logprobs");
		choice.put("finish_reason", "tool_calls");
		return choice;
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
