package io.github.openaistarter.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import io.github.openaistarter.autoconfigure.OpenAiAutoConfiguration;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.core.NotFoundException;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every operation against the real OpenAI API (or {@code OPENAI_BASE_URL}). Runs only
 * when {@code OPENAI_API_KEY} is set, so CI and offline builds never reach the internet;
 * spends a few hundred tokens of {@code OPENAI_LIVE_MODEL} (default
 * {@code gpt-4.1-mini}).
 */
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
@Timeout(180)
class LiveOpenAiTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenAiAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class))
		.withPropertyValues("openai.chat.model=" + model());

	private static String model() {
		String model = System.getenv("OPENAI_LIVE_MODEL");
		return (model != null && !model.isBlank()) ? model : "gpt-4.1-mini";
	}

	@Test
	void everyOperationAgainstTheLiveApi() {
		this.runner.run((context) -> {
			ChatCompletionsOperations chat = context.getBean(ChatCompletionsOperations.class);
			String run = "live-" + System.nanoTime();
			ChatCompletion created = chat.create(ChatCompletionRequest.builder()
				.message(ChatMessage.user("Reply with the single word: pong"))
				.maxCompletionTokens(20)
				.store(true)
				.metadata(Map.of("run", run))
				.build());
			assertThat(created.text().toLowerCase()).contains("pong");
			StringBuilder streamed = new StringBuilder();
			ChatCompletion whole = chat.stream(
					ChatCompletionRequest.builder().message(ChatMessage.user("Count: one two three")).build(),
					(chunk) -> streamed.append(chunk.text()));
			assertThat(whole.text()).isEqualTo(streamed.toString()).isNotBlank();
			assertThat(whole.usage()).isNotNull();
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(2))
				.ignoreExceptionsInstanceOf(NotFoundException.class)
				.until(() -> chat.retrieve(created.id()) != null);
			assertThat(chat.update(created.id(), Map.of("run", run, "checked", "yes")).metadata())
				.containsEntry("checked", "yes");
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> !chat.list(ListChatCompletionsParams.builder().metadata("run", run).build())
					.data()
					.isEmpty());
			assertThat(chat.listMessages(created.id()).data()).isNotEmpty();
			assertThat(chat.delete(created.id()).deleted()).isTrue();
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> chat.create(List.of()));
		});
	}

}
