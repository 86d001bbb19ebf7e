package io.github.openaistarter.test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.tool.ChatTools;
import io.github.openaistarter.tool.OpenAiTool;
import io.github.openaistarter.tool.ToolConversation;
import io.github.openaistarter.tool.ToolRoundsExceededException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A user's tool loop against the fake with no scripted answer: it calls the tools the
 * user text names, with arguments made from their schemas, then echoes their results;
 * "forever" keeps it calling.
 */
@ExtendWith(OpenAiFakeExtension.class)
class ToolLoopTests {

	record Forecast(String city, int days) {
	}

	static class TravelTools {

		@OpenAiTool(description = "The forecast for a city")
		String forecast(Forecast query) {
			return "sunny in " + query.city() + " for " + query.days() + " days";
		}

		@OpenAiTool(name = "local_time")
		String localTime(String city) {
			return "noon";
		}

	}

	private final ChatCompletionsOperations chat;

	private final OpenAiFakeServer fake;

	ToolLoopTests(OpenAiFakeServer fake) {
		this.fake = fake;
		this.chat = Clients.chat(fake);
	}

	private static ChatCompletionRequest ask(String text) {
		return ChatCompletionRequest.of(List.of(ChatMessage.user(text)));
	}

	@Test
	void theToolsTheUserNamesRunInOneRoundThenTheirResultsAreEchoed() {
		ToolConversation answer = this.chat.createWithTools(ask("call local_time and forecast for Paris"),
				ChatTools.from(new TravelTools()));
		assertThat(answer.rounds()).isEqualTo(2);
		assertThat(answer.toolCalls()).isEqualTo(2);
		assertThat(answer.text()).isEqualTo("echo: noon; sunny in call local_time and forecast for Paris for 1 days");
		assertThat(this.fake.lastRequest().json().path("tools").get(0).path("function").path("strict").asBoolean())
			.isTrue();
	}

	@Test
	void streamedAndBounded() {
		try (Stream<ChatCompletionChunk> chunks = this.chat.streamWithTools(ask("call local_time"),
				ChatTools.from(new TravelTools()))) {
			assertThat(chunks.map(ChatCompletionChunk::text).collect(Collectors.joining())).isEqualTo("echo: noon");
		}
		assertThatExceptionOfType(ToolRoundsExceededException.class).isThrownBy(() -> this.chat
			.createWithTools(ask("call forecast forever"), ChatTools.from(new TravelTools()).withMaxRounds(2)));
	}

}
