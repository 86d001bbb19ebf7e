package io.github.openaistarter.samples.chatweb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.openaistarter.test.OpenAiFakeServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stand-in the app chats with when no OpenAI server is configured: the starter's test
 * fake, answering with a short explanation and a little pause between chunks, so the
 * streaming can be watched. The extract panel's requests (the only ones with a JSON
 * schema) get a {@link Contact} that says where it comes from. The fake itself calls the
 * tools a message names when it has the word "call" ("call roll_dice"); once the tools
 * have answered, this answer says what they returned.
 */
final class OfflineOpenAi {

	private static final Pattern EMAIL = Pattern.compile("[^\\s@<>(),;:]+@[^\\s@<>(),;:]+\\.[A-Za-z]{2,}");

	private OfflineOpenAi() {
	}

	static OpenAiFakeServer start() {
		return OpenAiFakeServer.builder()
			.answerWith(OfflineOpenAi::answer)
			.streamChunkDelay(Duration.ofMillis(40))
			.start();
	}

	/**
	 * Answers a chat request.
	 * @param request the request body, as OpenAI receives it
	 * @return the answer
	 */
	static String answer(JsonNode request) {
		String question = "";
		for (JsonNode message : request.path("messages")) {
			if ("user".equals(message.path("role").asString(""))) {
				question = message.path("content").asString("");
			}
		}
		if ("json_schema".equals(request.path("response_format").path("type").asString(""))) {
			return JsonMapper.shared().writeValueAsString(contact(question));
		}
		List<String> results = toolResults(request.path("messages"));
		if (!results.isEmpty()) {
			return "The embedded fake OpenAI called your tools; " + String.join("; ", results)
					+ ". With an OPENAI_API_KEY, a model would answer from these results.";
		}
		return "This answer comes from the embedded fake OpenAI server, word by word, because no OPENAI_API_KEY is set."
				+ " Export one and restart to talk to OpenAI. You said: " + question;
	}

	/**
	 * What the tools returned, when the conversation ends with their results.
	 * @param messages the request's messages
	 * @return {@code "<tool> returned <result>"} for each tool message at the end, in
	 * order; empty when the last message is not a tool message
	 */
	private static List<String> toolResults(JsonNode messages) {
		Map<String, String> names = new HashMap<>();
		List<String> results = new ArrayList<>();
		for (JsonNode message : messages) {
			String role = message.path("role").asString("");
			if (!"tool".equals(role)) {
				results.clear();
			}
			for (JsonNode call : message.path("tool_calls")) {
				names.put(call.path("id").asString(""), call.path("function").path("name").asString(""));
			}
			if ("tool".equals(role)) {
				String name = names.getOrDefault(message.path("tool_call_id").asString(""), "a tool");
				results.add(name + " returned " + message.path("content").asString(""));
			}
		}
		return results;
	}

	/**
	 * A contact read out of a text without a model: only the first e-mail address is
	 * really found.
	 * @param text the text
	 * @return the contact
	 */
	private static Contact contact(String text) {
		Matcher email = EMAIL.matcher(text);
		return new Contact("Embedded fake OpenAI", email.find() ? email.group() : null, null, Contact.Intent.OTHER,
				List.of("no OPENAI_API_KEY set", "export one and restart to extract with a model"));
	}

}
