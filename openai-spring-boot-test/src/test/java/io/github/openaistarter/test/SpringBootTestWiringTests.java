package io.github.openaistarter.test;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users' way: a {@code @SpringBootTest} whose application reaches the fake through
 * {@link OpenAiFakeServer#registerProperties(DynamicPropertyRegistry)}, as in the Javadoc
 * of {@link OpenAiFakeServer}.
 */
@SpringBootTest(properties = "openai.chat.model=gpt-4o-mini")
class SpringBootTestWiringTests {

	static final OpenAiFakeServer openAi = OpenAiFakeServer.start();

	@DynamicPropertySource
	static void openAi(DynamicPropertyRegistry registry) {
		openAi.registerProperties(registry);
	}

	@AfterAll
	static void stopOpenAi() {
		openAi.close();
	}

	@Test
	void answers(@Autowired ChatCompletionsOperations chat) {
		assertThat(chat.create(List.of(ChatMessage.user("Hi"))).text()).isEqualTo("echo: Hi");
		assertThat(openAi.lastRequest().json().path("model").asString()).isEqualTo("gpt-4o-mini");
		assertThat(openAi.lastRequest().header("authorization")).isEqualTo("Bearer sk-fake");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
