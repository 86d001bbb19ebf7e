package io.github.openaistarter.test;

import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsTemplate;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.RetryPolicy;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * The library's real client, pointed at a fake, as the tests use it.
 */
final class Clients {

	static final String MODEL = "gpt-4o-mini";

	private Clients() {
	}

	static ChatCompletionsOperations chat(OpenAiFakeServer fake) {
		return chat(fake, UnaryOperator.identity());
	}

	static ChatCompletionsOperations chat(OpenAiFakeServer fake, UnaryOperator<OpenAiTransport.Builder> settings) {
		return new ChatCompletionsTemplate(client(fake, settings));
	}

	static ReactiveChatCompletionsOperations reactiveChat(OpenAiFakeServer fake) {
		return reactiveChat(fake, UnaryOperator.identity());
	}

	static ReactiveChatCompletionsOperations reactiveChat(OpenAiFakeServer fake,
			UnaryOperator<OpenAiTransport.Builder> settings) {
		return new ReactiveChatCompletionsTemplate(client(fake, settings));
	}

	private static ChatCompletionsClient client(OpenAiFakeServer fake,
			UnaryOperator<OpenAiTransport.Builder> settings) {
		OpenAiTransport transport = settings
			.apply(OpenAiTransport.builder(new ReactorClientHttpConnector())
				.baseUrl(fake.baseUrl())
				.apiKey("sk-test")
				// each fault test counts the requests its fault causes
				.retryPolicy(RetryPolicy.DEFAULT.withMaxRetries(0)))
			.build();
		return new ChatCompletionsClient(transport, Map.of("model", MODEL));
	}

}
