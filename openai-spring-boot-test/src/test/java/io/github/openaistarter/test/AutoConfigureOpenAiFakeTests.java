package io.github.openaistarter.test;

import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.github.openaistarter.autoconfigure.OpenAiConnectionDetails;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users' one-annotation way: {@link AutoConfigureOpenAiFake} on a
 * {@code @SpringBootTest} wins over the {@code openai.*} properties and resets the fake
 * between tests.
 */
@SpringBootTest(properties = { "openai.chat.model=gpt-4o-mini", "openai.base-url=https://api.openai.com/v1",
		"openai.api-key=sk-must-not-be-used" })
@AutoConfigureOpenAiFake
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureOpenAiFakeTests {

	@Autowired
	private ChatCompletionsOperations chat;

	@Autowired
	private OpenAiFakeServer openAi;

	@Test
	@Order(1)
	void pointsTheStarterAtTheFake(@Autowired OpenAiConnectionDetails connectionDetails) {
		assertThat(connectionDetails.baseUrl()).isEqualTo(this.openAi.baseUrl());
		assertThat(this.chat.create(List.of(ChatMessage.user("Hi"))).text()).isEqualTo("echo: Hi");
		assertThat(this.openAi.lastRequest().json().path("model").asString()).isEqualTo("gpt-4o-mini");
		assertThat(this.openAi.lastRequest().header("authorization")).isEqualTo("Bearer sk-fake");
		this.chat.create(ChatCompletionRequest.builder().message(ChatMessage.user("keep")).store(true).build());
		assertThat(this.chat.list().data()).hasSize(1);
	}

	@Test
	@Order(2)
	void resetsTheFakeBeforeEachTest() {
		assertThat(this.openAi.requests()).isEmpty();
		assertThat(this.chat.list().data()).isEmpty();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
