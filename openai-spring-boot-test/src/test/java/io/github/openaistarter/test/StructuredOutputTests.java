package io.github.openaistarter.test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ResponseFormat;
import io.github.openaistarter.chat.structured.IncompleteAnswerException;
import io.github.openaistarter.chat.structured.RefusedAnswerException;
import io.github.openaistarter.chat.structured.StructuredCompletion;
import io.github.openaistarter.chat.structured.StructuredOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Structured outputs against the fake with no scripted answer: it answers JSON made from
 * the request's schema.
 */
@ExtendWith(OpenAiFakeExtension.class)
class StructuredOutputTests {

	enum Kind {

		ROCKY, GAS_GIANT

	}

	record Moon(String name, @Nullable Double radiusKm) {
	}

	record Planet(String name, Kind kind, List<Moon> moons, Map<String, Integer> distances, LocalDate discovered,
			@Nullable Moon largest, Node tree) {
	}

	record Node(String label, List<Node> children) {
	}

	record Step(String title, int minutes) {
	}

	private final ChatCompletionsOperations chat;

	private final OpenAiFakeServer fake;

	StructuredOutputTests(OpenAiFakeServer fake) {
		this.fake = fake;
		this.chat = Clients.chat(fake);
	}

	@Test
	void aRecordComesBackFromTheSchemaWithoutAScriptedAnswer() {
		Planet planet = this.chat.create(List.of(ChatMessage.user("Describe Mars")), Planet.class);
		assertThat(planet.name()).isEqualTo("Describe Mars");
		assertThat(planet.kind()).isEqualTo(Kind.ROCKY);
		assertThat(planet.moons()).extracting(Moon::name).containsExactly("name 1", "name 2");
		assertThat(planet.distances()).hasSize(2);
		assertThat(planet.discovered()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(planet.largest()).isNotNull();
		assertThat(planet.tree().children()).isNotEmpty();
	}

	@Test
	void everyChoiceIsValidJson() {
		StructuredCompletion<Planet> answer = this.chat.withResponse()
			.create(ChatCompletionRequest.builder().message(ChatMessage.user("Two")).n(2).build(), Planet.class)
			.body();
		assertThat(answer.values()).hasSize(2).allSatisfy((planet) -> assertThat(planet.name()).isEqualTo("Two"));
	}

	@Test
	void listsStreamElementByElement() {
		ChatCompletionRequest request = ChatCompletionRequest.of(List.of(ChatMessage.user("Plan it")));
		try (Stream<Step> steps = this.chat.streamList(request, Step.class)) {
			assertThat(steps.toList()).extracting(Step::title).containsExactly("Plan it", "title 1");
		}
		assertThat(Clients.reactiveChat(this.fake).streamList(request, Step.class).collectList().block()).hasSize(2);
	}

	@Test
	void refusesWhenTheUserTextSaysRefuse() {
		assertThatExceptionOfType(RefusedAnswerException.class)
			.isThrownBy(() -> this.chat.create(List.of(ChatMessage.user("Please refuse")), Planet.class))
			.satisfies((refused) -> assertThat(refused.refusal()).isEqualTo("I'm sorry, I can't help with that."));
		ChatCompletionRequest request = ChatCompletionRequest.of(List.of(ChatMessage.user("refuse to plan")));
		assertThatExceptionOfType(RefusedAnswerException.class).isThrownBy(() -> {
			try (Stream<Step> steps = this.chat.streamList(request, Step.class)) {
				steps.toList();
			}
		});
	}

	@Test
	void cutsTheAnswerAtMaxCompletionTokens() {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(ChatMessage.user("Describe Mars"))
			.maxCompletionTokens(10)
			.build();
		assertThatExceptionOfType(IncompleteAnswerException.class)
			.isThrownBy(() -> this.chat.create(request, Planet.class))
			.satisfies((cut) -> assertThat(cut.text()).hasSize(40));
		try (Stream<Step> steps = this.chat.streamList(request.mutate().maxCompletionTokens(14).build(), Step.class)) {
			Iterator<Step> iterator = steps.iterator();
			assertThat(iterator.next().title()).isEqualTo("Describe Mars");
			assertThatExceptionOfType(IncompleteAnswerException.class).isThrownBy(iterator::next);
		}
	}

	@Test
	void streamsJsonInPiecesOfFiveCharacters() {
		List<String> pieces = new ArrayList<>();
		this.chat.stream(ChatCompletionRequest.builder()
			.message(ChatMessage.user("Plan it"))
			.responseFormat(StructuredOutput.of(Step.class).responseFormat())
			.build(), (chunk) -> pieces.add(chunk.text()));
		assertThat(String.join("", pieces)).isEqualTo("{\"title\":\"Plan it\",\"minutes\":1}");
		assertThat(pieces).filteredOn((piece) -> !piece.isEmpty())
			.allSatisfy((piece) -> assertThat(piece).hasSizeLessThanOrEqualTo(5));
	}

	@Test
	void jsonObjectEchoesTheLastUserText() {
		assertThat(this.chat
			.create(ChatCompletionRequest.builder()
				.message(ChatMessage.user("json please"))
				.responseFormat(ResponseFormat.jsonObject())
				.build())
			.text()).isEqualTo("{\"echo\":\"json please\"}");
	}

}
