package io.github.openaistarter.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Which function tools the fake model calls in a round of a tool loop, with arguments
 * made from each tool's {@code parameters} ({@link SchemaSamples}; {@code {}} without
 * parameters), as the spec-checking fake does.
 *
 * <p>
 * None when no function tool is offered or {@code tool_choice} is {@code none}; with
 * {@code auto} or no {@code tool_choice}, none unless the last user text has the word
 * "call". The tools wanted are the function {@code tool_choice} names, else the tools the
 * last user text names (in the order they appear), else the first tool. Once the
 * conversation ends with tool results the model answers with text, except that with
 * {@code parallel_tool_calls: false} it calls one wanted tool per round until each has
 * been answered since the last user message, and that the word "forever" keeps it calling
 * the first wanted tool every round.
 */
final class ToolRounds {

	private ToolRounds() {
	}

	static List<Answer.ToolCall> calls(JsonNode request) {
		List<JsonNode> tools = functions(request);
		JsonNode choice = request.path("tool_choice");
		if (tools.isEmpty() || "none".equals(choice.asString(""))) {
			return List.of();
		}
		String text = Conversation.lastUserText(request);
		boolean auto = choice.isMissingNode() || choice.isNull() || "auto".equals(choice.asString(""));
		if (auto && !Conversation.hasWord(text, "call")) {
			return List.of();
		}
		List<JsonNode> wanted = wanted(tools, choice, text);
		if (Conversation.hasWord(text, "forever")) {
			return calls(wanted.subList(0, 1), text);
		}
		boolean lastIsTool = "tool".equals(Conversation.lastRole(request));
		if (request.path("parallel_tool_calls").isBoolean() && !request.path("parallel_tool_calls").asBoolean()) {
			Set<String> answered = answeredToolNames(request);
			List<JsonNode> pending = wanted.stream().filter((tool) -> !answered.contains(name(tool))).toList();
			if (!pending.isEmpty()) {
				return calls(pending.subList(0, 1), text);
			}
			return lastIsTool ? List.of() : calls(wanted.subList(0, 1), text);
		}
		return lastIsTool ? List.of() : calls(wanted, text);
	}

	private static List<JsonNode> functions(JsonNode request) {
		List<JsonNode> functions = new ArrayList<>();
		for (JsonNode tool : request.path("tools")) {
			if ("function".equals(tool.path("type").asString("")) && tool.path("function").isObject()) {
				functions.add(tool.path("function"));
			}
		}
		return functions;
	}

	private static List<JsonNode> wanted(List<JsonNode> tools, JsonNode choice, String text) {
		String named = choice.path("function").path("name").asString(null);
		if (named != null) {
			return List.of(tools.stream()
				.filter((tool) -> named.equals(name(tool)))
				.findFirst()
				.orElse(Json.object().put("name", named)));
		}
		Map<JsonNode, Integer> positions = new HashMap<>();
		for (JsonNode tool : tools) {
			Matcher matcher = Pattern.compile("(?<![\\w-])" + Pattern.quote(name(tool)) + "(?![\\w-])").matcher(text);
			if (matcher.find()) {
				positions.put(tool, matcher.start());
			}
		}
		List<JsonNode> mentioned = tools.stream()
			.filter(positions::containsKey)
			.sorted(Comparator.comparing(positions::get))
			.toList();
		return mentioned.isEmpty() ? List.of(tools.get(0)) : mentioned;
	}

	private static Set<String> answeredToolNames(JsonNode request) {
		Map<String, String> names = new HashMap<>();
		Set<String> answered = new HashSet<>();
		for (JsonNode message : Conversation.sinceLastUser(request)) {
			for (JsonNode call : message.path("tool_calls")) {
				names.put(call.path("id").asString(""), call.path("function").path("name").asString(""));
			}
			String answers = names.get(message.path("tool_call_id").asString(""));
			if ("tool".equals(message.path("role").asString("")) && answers != null) {
				answered.add(answers);
			}
		}
		return answered;
	}

	private static List<Answer.ToolCall> calls(List<JsonNode> tools, String userText) {
		return tools.stream().map((tool) -> new Answer.ToolCall(name(tool), arguments(tool, userText))).toList();
	}

	private static String arguments(JsonNode function, String userText) {
		JsonNode parameters = function.path("parameters");
		return parameters.isObject() ? Json.text(SchemaSamples.sample(parameters, userText)) : "{}";
	}

	private static String name(JsonNode function) {
		return function.path("name").asString("");
	}

}
