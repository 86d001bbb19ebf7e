package io.github.openaistarter.chat.structured;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.chat.model.ResponseFormat;
import io.github.openaistarter.core.OpenAiJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Reading completions and chunks into a type, and the three ways it fails.
 */
class StructuredOutputTests {

	private static final JsonMapper JSON = OpenAiJson.createMapper();

	record City(String name, int population) {
	}

	enum Size {

		SMALL, LARGE

	}

	record Town(String name, Size size, List<City> districts) {
	}

	@Test
	void everyChoiceIsRead() {
		StructuredCompletion<City> read = StructuredOutput.of(City.class)
			.read(completion(choice(0, "{\"name\":\"Lyon\",\"population\":522000}", null, "stop"),
					choice(1, "{\"name\":\"Nice\",\"population\":342000}", null, "stop")));
		assertThat(read.values()).extracting(City::name).containsExactly("Lyon", "Nice");
		assertThat(read.value()).isEqualTo(new City("Lyon", 522000));
		assertThat(read.message().text()).contains("Lyon");
	}

	@Test
	void aRefusalFailsWithTheRefusalText() {
		assertThatExceptionOfType(RefusedAnswerException.class)
			.isThrownBy(() -> StructuredOutput.of(City.class).read(completion(choice(0, null, "No.", "stop"))))
			.satisfies((ex) -> {
				assertThat(ex.refusal()).isEqualTo("No.");
				assertThat(ex.text()).isNull();
			})
			.withMessage("The model refused to answer: No.");
	}

	@Test
	void aCutOffAnswerFailsWithTheFinishReasonAndThePartialText() {
		assertThatExceptionOfType(IncompleteAnswerException.class)
			.isThrownBy(
					() -> StructuredOutput.of(City.class).read(completion(choice(0, "{\"name\":\"Ly", null, "length"))))
			.satisfies((ex) -> {
				assertThat(ex.finishReason()).isEqualTo(FinishReason.LENGTH);
				assertThat(ex.text()).isEqualTo("{\"name\":\"Ly");
			})
			.withMessageContaining("raise max_completion_tokens");
		assertThatExceptionOfType(IncompleteAnswerException.class)
			.isThrownBy(() -> StructuredOutput.of(City.class).read(completion(choice(0, "{", null, "content_filter"))))
			.withMessageContaining("content filter");
	}

	@Test
	void jsonThatDoesNotFitFailsNamingThePath() {
		assertThatExceptionOfType(MalformedAnswerException.class)
			.isThrownBy(() -> StructuredOutput.of(City.class)
				.read(completion(choice(0, "{\"name\":\"Lyon\",\"population\":\"many\"}", null, "stop"))))
			.satisfies((ex) -> {
				assertThat(ex.path()).isEqualTo("population");
				assertThat(ex.text()).contains("many");
			});
	}

	@Test
	void theRequestGetsTheTypesStrictFormatUnlessItHasAnother() {
		ChatCompletionRequest request = ChatCompletionRequest.of(List.of(ChatMessage.user("A city")));
		ChatCompletionRequest typed = StructuredOutput.of(City.class).applyTo(request);
		ResponseFormat format = (ResponseFormat) typed.get("response_format");
		assertThat(format.jsonSchema().name()).isEqualTo("City");
		assertThat(format.jsonSchema().strict()).isTrue();
		assertThat(StructuredOutput.of(City.class).applyTo(typed).get("response_format")).isEqualTo(format);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StructuredOutput.of(City.class)
				.applyTo(request.mutate().responseFormat(ResponseFormat.jsonObject()).build()))
			.withMessageContaining("already has a response_format");
		assertThat(StructuredOutput.listOf(City.class).responseFormat().jsonSchema().name()).isEqualTo("City_list");
	}

	@Test
	void streamedElementsArriveAsSoonAsTheyCloseAndTheEndIsChecked() {
		StreamedElements<City> cities = StreamedElements.of(City.class);
		assertThat(cities.add(chunk("{\"items\":[{\"name\":\"Lyon\",", null, null))).isEmpty();
		assertThat(cities.add(chunk("\"population\":1},{\"na", null, null))).containsExactly(new City("Lyon", 1));
		assertThat(cities.add(chunk("me\":\"Nice\",\"population\":2}]}", null, "stop")))
			.containsExactly(new City("Nice", 2));
		cities.finish();

		StreamedElements<City> cut = StreamedElements.of(City.class);
		assertThat(cut.add(chunk("{\"items\":[{\"name\":\"Lyon\",\"population\":1},{", null, "length"))).hasSize(1);
		assertThatExceptionOfType(IncompleteAnswerException.class).isThrownBy(cut::finish);

		StreamedElements<City> refused = StreamedElements.of(City.class);
		refused.add(chunk(null, "I can't", null));
		refused.add(chunk(null, " help.", "stop"));
		assertThatExceptionOfType(RefusedAnswerException.class).isThrownBy(refused::finish)
			.satisfies((ex) -> assertThat(ex.refusal()).isEqualTo("I can't help."));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StreamedElements.of(City.class)
				.applyTo(ChatCompletionRequest.builder().message(ChatMessage.user("x")).n(2).build()))
			.withMessageContaining("reads one choice");
	}

	@Test
	void aStreamedValueGrowsWithEachChunkAndEndsWithTheWholeAnswer() {
		StreamedValue<Town> town = StreamedValue.of(Town.class);
		assertThat(town.add(chunk("", null, null))).isNull();
		assertThat(town.add(chunk("{\"na", null, null))).isEqualTo(new Town(null, null, null));
		assertThat(town.add(chunk("me\":\"Ly", null, null))).isEqualTo(new Town("Ly", null, null));
		assertThat(town.add(chunk("on\",\"size\":\"LAR", null, null))).as("an enum in progress is null")
			.isEqualTo(new Town("Lyon", null, null));
		assertThat(town.add(chunk("GE\",\"districts\":[{\"name\":\"A\",\"popu", null, null)))
			.isEqualTo(new Town("Lyon", Size.LARGE, List.of(new City("A", 0))));
		assertThat(town.add(chunk("lation\":", null, null))).as("unchanged").isNull();
		assertThat(town.add(chunk("7}]}", null, "stop"))).as("the whole answer comes from finish").isNull();
		assertThat(town.finish()).isEqualTo(new Town("Lyon", Size.LARGE, List.of(new City("A", 7))));

		StreamedValue<Town> cut = StreamedValue.of(Town.class);
		assertThat(cut.add(chunk("{\"name\":\"Lyon\",\"size\":", null, "length"))).isNotNull();
		assertThatExceptionOfType(IncompleteAnswerException.class).isThrownBy(cut::finish);

		StreamedValue<Town> malformed = StreamedValue.of(Town.class);
		assertThatExceptionOfType(MalformedAnswerException.class)
			.isThrownBy(() -> malformed.add(chunk("[\"not an object\"]", null, null)));
		StreamedValue<Town> wrongType = StreamedValue.of(Town.class);
		wrongType.add(chunk("{\"name\":\"Lyon\",\"size\":\"HUGE\",\"districts\":[]}", null, "stop"));
		assertThatExceptionOfType(MalformedAnswerException.class).isThrownBy(wrongType::finish)
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("size"));
	}

	private static ChatCompletion completion(String... choices) {
		return JSON.readValue("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
				+ "\"choices\":[" + String.join(",", choices) + "]}", ChatCompletion.class);
	}

	private static String choice(int index, String content, String refusal, String finishReason) {
		return "{\"index\":" + index + ",\"message\":{\"role\":\"assistant\",\"content\":"
				+ JSON.writeValueAsString(content) + ",\"refusal\":" + JSON.writeValueAsString(refusal)
				+ "},\"finish_reason\":\"" + finishReason + "\"}";
	}

	private static ChatCompletionChunk chunk(String content, String refusal, String finishReason) {
		return JSON
			.readValue("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
					+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + JSON.writeValueAsString(content)
					+ ",\"refusal\":" + JSON.writeValueAsString(refusal) + "},\"finish_reason\":"
					+ JSON.writeValueAsString(finishReason) + "}]}", ChatCompletionChunk.class);
	}

}
