package io.github.openaistarter.tool;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.model.Tool;
import io.github.openaistarter.schema.TypeMismatchException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tools from annotated methods and from functions: their names, strict schemas, arguments
 * and results.
 */
class ChatToolsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Weather(String city, int celsius) {
	}

	record Query(String city) {
	}

	static class Tools {

		final StringBuilder log = new StringBuilder();

		@OpenAiTool(description = "The weather in a city")
		Weather weather(@ToolParam(description = "The city") String city, @Nullable Integer days) {
			return new Weather(city, (days != null) ? days : -1);
		}

		@OpenAiTool(name = "note_down")
		void note(@ToolParam(name = "text") String note, Optional<String> tag) {
			this.log.append(note).append(tag.map((t) -> "#" + t).orElse(""));
		}

		@OpenAiTool
		String fail(String why) {
			throw new IllegalStateException(why);
		}

		String notATool() {
			return "no";
		}

	}

	@Test
	void methodsBecomeToolsWithStrictSchemas() {
		ChatTools tools = ChatTools.from(new Tools());
		assertThat(tools.names()).containsExactlyInAnyOrder("weather", "note_down", "fail");
		ChatTool weather = tools.get("weather");
		assertThat(weather.description()).isEqualTo("The weather in a city");
		assertThat(JSON.writeValueAsString(weather.parameters())).isEqualTo("{\"type\":\"object\",\"properties\":{"
				+ "\"city\":{\"type\":\"string\",\"description\":\"The city\"},\"days\":{\"type\":[\"integer\",\"null\"]}},"
				+ "\"required\":[\"city\",\"days\"],\"additionalProperties\":false}");
		Tool definition = weather.definition();
		assertThat(definition.function().strict()).isTrue();
		assertThat(definition.function().name()).isEqualTo("weather");
		assertThat(tools.definitions()).hasSize(3);
		assertThat(tools.get("note_down").parameters().get("properties"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsOnlyKeys("text", "tag");
	}

	@Test
	void callsReadArgumentsAndWriteResults() throws Exception {
		Tools target = new Tools();
		ChatTools tools = ChatTools.from(target);
		assertThat(tools.get("weather").call("{\"city\":\"Oslo\",\"days\":2}"))
			.isEqualTo("{\"city\":\"Oslo\",\"celsius\":2}");
		assertThat(tools.get("weather").call("{\"city\":\"Oslo\",\"days\":null}")).contains("-1");
		assertThat(tools.get("note_down").call("{\"text\":\"milk\",\"tag\":\"shop\"}")).isEqualTo("done");
		assertThat(tools.get("note_down").call("{\"text\":\" eggs\",\"tag\":null}")).isEqualTo("done");
		assertThat(target.log).hasToString("milk#shop eggs");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> tools.get("fail").call("{\"why\":\"no\"}"))
			.withMessage("no");
		assertThatExceptionOfType(TypeMismatchException.class)
			.isThrownBy(() -> tools.get("weather").call("{\"city\":\"Oslo\",\"days\":\"many\"}"))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("days"));
	}

	@Test
	void aFunctionIsATool() throws Exception {
		ChatTool tool = ChatTool.of("weather", "The weather", Query.class, (query) -> new Weather(query.city(), 20));
		assertThat(tool.call("{\"city\":\"Rome\"}")).isEqualTo("{\"city\":\"Rome\",\"celsius\":20}");
		assertThat(tool.parameters()).containsEntry("required", List.of("city"));
		assertThat(tool).hasToString("ChatTool[weather: a function of Query]");
		assertThat(ChatTool.of("text", null, Query.class, Query::city).call("{\"city\":\"Rome\"}")).isEqualTo("Rome");
	}

	@Test
	void badToolsAreRefusedWhenMade() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatTool.of("two words", null, Query.class, (q) -> q))
			.withMessageContaining("letters, digits, '_' or '-'");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatTools.from(new Object()))
			.withMessageContaining("has no @OpenAiTool method");
		ChatTool weather = ChatTool.of("weather", null, Query.class, Query::city);
		assertThatIllegalArgumentException().isThrownBy(() -> ChatTools.from(new Tools()).and(weather))
			.withMessageContaining("Two tools are named 'weather'")
			.withMessageContaining("Tools.weather");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatTools.of(weather).only("time"))
			.withMessageContaining("There is no tool named 'time'");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatTools.of().withMaxRounds(0));
	}

	@Test
	void onlyAndAndKeepTheSettings() {
		ChatTools tools = ChatTools.from(new Tools()).withMaxRounds(4).withErrorHandling(ToolErrorHandling.ABORT);
		ChatTools one = tools.only("fail");
		assertThat(one.names()).containsExactly("fail");
		assertThat(one.maxRounds()).isEqualTo(4);
		assertThat(one.and(ChatTool.of("time", null, Query.class, Query::city)).errorHandling())
			.isEqualTo(ToolErrorHandling.ABORT);
		assertThat(ChatTools.of().isEmpty()).isTrue();
	}

}
