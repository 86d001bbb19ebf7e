package io.github.openaistarter.samples.quickstart;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.test.AutoConfigureOpenAiFake;
import io.github.openaistarter.test.OpenAiFakeServer;
import io.github.openaistarter.tool.ChatTools;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quickstart on the starter's fake: the whole tour runs when the context starts (a
 * failing step fails the context), and the tools step, run again here, calls both tools
 * in one answer and prints what they returned.
 */
@SpringBootTest
@AutoConfigureOpenAiFake
class QuickstartApplicationTests {

	@Autowired
	private ChatCompletionsOperations chat;

	@Autowired
	private ChatTools tools;

	@Autowired
	private OpenAiFakeServer openAi;

	@Test
	void theToolsOfTheTravelToolsBeanAreAutoConfigured() {
		assertThat(this.tools.names()).containsExactlyInAnyOrder("current_weather", "local_time");
		assertThat(this.tools.get("local_time").parameters().toString()).contains("LISBON", "OSLO", "TOKYO");
	}

	@Test
	void toolsStoryCallsBothToolsInOneAnswerThenPrintsTheFinalAnswer() {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		new ToolsStory(this.chat, this.tools, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
		// the fake calls every tool the prompt names, in one answer; the first enum value
		// is its city
		assertThat(printed.toString(StandardCharsets.UTF_8).lines()).hasSize(4).satisfies((lines) -> {
			assertThat(lines.get(0)).isEqualTo("tools, round 1: 2 calls in one answer, run in parallel");
			assertThat(lines.get(1)).isEqualTo("  current_weather {\"city\":\"LISBON\"} -> "
					+ "{\"city\":\"Lisbon\",\"celsius\":19,\"sky\":\"sunny\"}");
			assertThat(lines.get(2))
				.matches("  local_time \\{\"city\":\"LISBON\"} -> \\d\\d:\\d\\d in Lisbon \\(Europe/Lisbon\\)");
			assertThat(lines.get(3)).startsWith("assistant (2 rounds, 2 tool calls): echo: {\"city\":\"Lisbon\"")
				.endsWith(" in Lisbon (Europe/Lisbon)");
		});
		assertThat(this.openAi.requests()).hasSize(2);
		JsonNode first = this.openAi.requests().get(0).json();
		assertThat(first.path("tools").valueStream().map((tool) -> tool.path("function").path("name").asString()))
			.containsExactlyInAnyOrder("current_weather", "local_time");
		JsonNode answer = this.openAi.lastRequest().json().path("messages");
		assertThat(answer.valueStream().map((message) -> message.path("role").asString())).containsExactly("user",
				"assistant", "tool", "tool");
	}

}
