package io.github.openaistarter.test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Reads the conversation of a create request: message texts, the last user text, the
 * offered tools, and rough token counts (a word is a token, a message costs 3 more, an
 * image 85).
 */
final class Conversation {

	private static final Pattern WORD = Pattern.compile("\\S+");

	private static final int TOKENS_PER_MESSAGE = 3;

	private static final int TOKENS_PER_IMAGE = 85;

	private Conversation() {
	}

	/**
	 * The text of a message: its content string, or its text parts joined with a space.
	 * @param message the message
	 * @return the text, empty when it has none
	 */
	static String text(JsonNode message) {
		JsonNode content = message.path("content");
		if (content.isString()) {
			return content.asString();
		}
		List<String> texts = new ArrayList<>();
		for (JsonNode part : content) {
			if ("text".equals(part.path("type").asString(""))) {
				texts.add(part.path("text").asString(""));
			}
		}
		return String.join(" ", texts);
	}

	/**
	 * The text of the last user message.
	 * @param request the create request
	 * @return the text, empty when there is no user message
	 */
	static String lastUserText(JsonNode request) {
		JsonNode messages = request.path("messages");
		for (int i = messages.size() - 1; i >= 0; i--) {
			if ("user".equals(messages.get(i).path("role").asString(""))) {
				return text(messages.get(i));
			}
		}
		return "";
	}

	/**
	 * The messages after the last user message.
	 * @param request the create request
	 * @return the messages, in order; all of them when there is no user message
	 */
	static List<JsonNode> sinceLastUser(JsonNode request) {
		JsonNode messages = request.path("messages");
		int start = 0;
		for (int i = messages.size() - 1; i >= 0; i--) {
			if ("user".equals(messages.get(i).path("role").asString(""))) {
				start = i + 1;
				break;
			}
		}
		List<JsonNode> since = new ArrayList<>();
		for (int i = start; i < messages.size(); i++) {
			since.add(messages.get(i));
		}
		return since;
	}

	/**
	 * The texts of the tool messages after the last user message.
	 * @param request the create request
	 * @return the texts, in order
	 */
	static List<String> toolResultsSinceLastUser(JsonNode request) {
		return sinceLastUser(request).stream()
			.filter((message) -> "tool".equals(message.path("role").asString("")))
			.map(Conversation::text)
			.toList();
	}

	/**
	 * Whether a text has a word, in any case.
	 * @param text the text
	 * @param word the word
	 * @return whether the word stands alone in the text
	 */
	static boolean hasWord(String text, String word) {
		return Pattern.compile("\\b" + Pattern.quote(word) + "\\b", Pattern.CASE_INSENSITIVE).matcher(text).find();
	}

	/**
	 * The role of the last message.
	 * @param request the create request
	 * @return the role, empty when there are no messages
	 */
	static String lastRole(JsonNode request) {
		JsonNode messages = request.path("messages");
		return messages.isEmpty() ? "" : messages.get(messages.size() - 1).path("role").asString("");
	}

	/**
	 * The names of the function tools offered, in order.
	 * @param request the create request
	 * @return the names, empty when none
	 */
	static List<String> functionNames(JsonNode request) {
		List<String> names = new ArrayList<>();
		for (JsonNode tool : request.path("tools")) {
			if ("function".equals(tool.path("type").asString(""))) {
				names.add(tool.path("function").path("name").asString(""));
			}
		}
		return names;
	}

	static int promptTokens(JsonNode request) {
		int tokens = 0;
		for (JsonNode message : request.path("messages")) {
			tokens += TOKENS_PER_MESSAGE;
			JsonNode content = message.path("content");
			if (content.isString()) {
				tokens += words(content.asString());
			}
			for (JsonNode part : content) {
				tokens += part.has("text") ? words(part.path("text").asString("")) : TOKENS_PER_IMAGE;
			}
		}
		return tokens;
	}

	static int words(String text) {
		int count = 0;
		Matcher matcher = WORD.matcher(text);
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
