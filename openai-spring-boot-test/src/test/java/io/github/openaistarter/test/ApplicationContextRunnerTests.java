package io.github.openaistarter.test;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.openaistarter.autoconfigure.OpenAiAutoConfiguration;
import io.github.openaistarter.autoconfigure.OpenAiConnectionDetails;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatMessage;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's auto-configuration pointed at the fake with
 * {@link OpenAiFakeServer#properties()} or a connection details bean, the fake configured
 * through {@link OpenAiFakeExtension}.
 */
class ApplicationContextRunnerTests {

	@RegisterExtension
	static final OpenAiFakeExtension openAi = new OpenAiFakeExtension(OpenAiFakeServer.builder().apiKey("sk-wired"));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, OpenAiAutoConfiguration.class))
		.withPropertyValues("openai.chat.model=gpt-4.1-mini");

	@Test
	void wiresTheClientsToTheFake(OpenAiFakeServer fake) {
		this.contextRunner.withPropertyValues(asPropertyValues(fake.properties())).run((context) -> {
			assertThat(context.getBean(OpenAiConnectionDetails.class).baseUrl()).isEqualTo(fake.baseUrl());
			ChatCompletionsOperations chat = context.getBean(ChatCompletionsOperations.class);
			assertThat(chat.create(List.of(ChatMessage.user("wired"))).text()).isEqualTo("echo: wired");
			RecordedRequest request = fake.lastRequest();
			assertThat(request.header("authorization")).isEqualTo("Bearer sk-wired");
			assertThat(request.json().path("model").asString()).isEqualTo("gpt-4.1-mini");
			ReactiveChatCompletionsOperations reactive = context.getBean(ReactiveChatCompletionsOperations.class);
			assertThat(reactive.create(List.of(ChatMessage.user("reactive"))).block().text())
				.isEqualTo("echo: reactive");
		});
	}

	@Test
	void letsTheFakeSupplyTheConnectionDetails(OpenAiFakeServer fake) {
		OpenAiConnectionDetails details = new OpenAiConnectionDetails() {

			@Override
			public String baseUrl() {
				return fake.baseUrl();
			}

			@Override
			public String apiKey() {
				return fake.apiKey();
			}

		};
		this.contextRunner.withBean(OpenAiConnectionDetails.class, () -> details).run((context) -> {
			ChatCompletionsOperations chat = context.getBean(ChatCompletionsOperations.class);
			assertThat(chat.create(List.of(ChatMessage.user("details"))).text()).isEqualTo("echo: details");
		});
	}

	private static String[] asPropertyValues(Map<String, String> properties) {
		return properties.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

}
