package io.github.openaistarter.samples.chatweb;

import java.time.Duration;

import io.github.openaistarter.test.OpenAiFakeServer;
import tools.jackson.databind.JsonNode;

/**
 * The stand-in the app chats with when no OpenAI server is configured: the starter's test fake, answering with a
 * short explanation and a little pause between chunks, so the streaming can be watched.
 */
final class OfflineOpenAi {

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
		return "This answer comes from the embedded fake OpenAI server, word by word, because no OPENAI_API_KEY is set."
				+ " Export one and restart to talk to OpenAI. You said: " + question;
	}

}
