package io.github.openaistarter.conformance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsTemplate;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.chat.model.ResponseFormat;
import io.github.openaistarter.chat.structured.IncompleteAnswerException;
import io.github.openaistarter.chat.structured.RefusedAnswerException;
import io.github.openaistarter.chat.structured.StructuredCompletion;
import io.github.openaistarter.chat.structured.StructuredOutput;
import io.github.openaistarter.core.OpenAiResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Structured outputs against {@code ../shared/openai-fake}, which rejects any strict
 * schema that breaks OpenAI's rules and answers JSON generated from the schema (and valid
 * against it): every supported Java construct round-trips, blocking, reactive and
 * streamed; refusals and cut-off answers fail typed; the run ends with no violation.
 */
@Timeout(60)
class StructuredOutputConformanceTests {

	private static SharedOpenAiFake fake;

	private static ChatCompletionsOperations chat;

	private static ReactiveChatCompletionsOperations reactiveChat;

	enum Kind {

		@JsonProperty("rocky")
		ROCKY,

		@JsonProperty("gas_giant")
		GAS_GIANT

	}

	record Moon(String name, @Nullable Double radiusKm) {
	}

	record Node(String label, List<Node> children) {
	}

	record Planet(@JsonPropertyDescription("the planet's name") String name, Kind kind, List<Moon> moons,
			Set<String> tags, int[] ringCounts, Map<String, Integer> distances, Optional<String> note,
			@Nullable Moon largest, LocalDate discovered, UUID id, Node tree, @Min(1) @Max(10) int rank,
			@Size(min = 1, max = 3) List<String> aliases, @Pattern(regexp = "^[A-Z]{3}$") String code) {
	}

	record Step(String title, int minutes) {
	}

	record Anything(String name, Object payload) {
	}

	@BeforeAll
	static void startFake() throws Exception {
		fake = SharedOpenAiFake.start();
		ChatCompletionsClient client = fake.client("sk-structured", "gpt-4.1-mini");
		chat = new ChatCompletionsTemplate(client);
		reactiveChat = new ReactiveChatCompletionsTemplate(client);
	}

	@AfterAll
	static void noViolations() {
		SharedOpenAiFake.stopWithoutViolations(fake);
	}

	@Test
	void everyJavaConstructRoundTripsBlocking() {
		Planet planet = chat.create(List.of(ChatMessage.user("Describe Mars")), Planet.class);
		assertThat(planet.name()).isEqualTo("Describe Mars");
		assertThat(planet.kind()).isEqualTo(Kind.ROCKY);
		assertThat(planet.moons()).hasSize(2).allSatisfy((moon) -> assertThat(moon.name()).isNotBlank());
		assertThat(planet.tags()).isNotEmpty();
		assertThat(planet.ringCounts()).hasSize(2);
		assertThat(planet.distances()).isNotEmpty();
		assertThat(planet.note()).isPresent();
		assertThat(planet.largest()).isNotNull();
		assertThat(planet.discovered()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(planet.id()).isNotNull();
		assertThat(planet.tree().label()).isNotBlank();
		assertThat(planet.rank()).isBetween(1, 10);
		assertThat(planet.aliases()).hasSizeBetween(1, 3);
		assertThat(planet.code()).matches("^[A-Z]{3}$");
		JsonNode sent = JsonMapper.shared()
			.readTree(fake.requests()
				.valueStream()
				.map((request) -> request.path("body").asString(""))
				.filter((body) -> body.contains("Describe Mars"))
				.findFirst()
				.orElseThrow())
			.get("response_format");
		assertThat(sent.get("type").asString()).isEqualTo("json_schema");
		assertThat(sent.get("json_schema").get("name").asString()).isEqualTo("Planet");
		assertThat(sent.get("json_schema").get("strict").asBoolean()).isTrue();
	}

	@Test
	void reactiveAndWithResponseGiveEveryChoice() {
		StepVerifier.create(reactiveChat.create(List.of(ChatMessage.user("Describe Venus")), Planet.class))
			.assertNext((planet) -> assertThat(planet.name()).isEqualTo("Describe Venus"))
			.verifyComplete();
		ChatCompletionRequest twoChoices = ChatCompletionRequest.builder()
			.message(ChatMessage.user("Two planets"))
			.n(2)
			.build();
		OpenAiResponse<StructuredCompletion<Planet>> response = chat.withResponse().create(twoChoices, Planet.class);
		assertThat(response.requestId()).isNotBlank();
		assertThat(response.body().values()).hasSize(2).allSatisfy((planet) -> assertThat(planet.kind()).isNotNull());
		assertThat(response.body().message().text()).startsWith("{");
		StepVerifier.create(reactiveChat.withResponse().create(twoChoices, Planet.class))
			.assertNext((reactive) -> assertThat(reactive.body().values()).hasSize(2))
			.verifyComplete();
	}

	@Test
	void listsStreamElementByElementBlockingAndReactive() {
		ChatCompletionRequest request = ChatCompletionRequest.of(List.of(ChatMessage.user("Plan a trip")));
		try (Stream<Step> steps = chat.streamList(request, Step.class)) {
			assertThat(steps.toList()).hasSize(2).allSatisfy((step) -> assertThat(step.title()).isNotBlank());
		}
		StepVerifier.create(reactiveChat.streamList(request, Step.class)).expectNextCount(2).verifyComplete();
		List<Step> whole = chat.create(request, StructuredOutput.listOf(Step.class));
		assertThat(whole).hasSize(2);
	}

	@Test
	void aValueStreamsAsItGrowsBlockingAndReactive() {
		ChatCompletionRequest request = ChatCompletionRequest.of(List.of(ChatMessage.user("Describe Jupiter")));
		List<Planet> snapshots;
		try (Stream<Planet> planet = chat.streamPartial(request, Planet.class)) {
			snapshots = planet.toList();
		}
		assertThat(snapshots.size()).as("a snapshot per piece of 5 characters, about").isGreaterThan(20);
		assertThat(snapshots.get(0).name()).isIn(null, "", "D", "De", "Des", "Desc");
		assertThat(snapshots).extracting(Planet::name)
			.filteredOn((name) -> name != null)
			.allSatisfy((name) -> assertThat("Describe Jupiter").startsWith(name));
		Planet whole = snapshots.get(snapshots.size() - 1);
		assertThat(whole.name()).isEqualTo("Describe Jupiter");
		assertThat(whole.code()).matches("^[A-Z]{3}$");
		assertThat(snapshots.get(snapshots.size() - 2)).isNotEqualTo(whole);
		StepVerifier.create(reactiveChat.streamPartial(request, Planet.class).last())
			.assertNext((reactive) -> assertThat(reactive.name()).isEqualTo("Describe Jupiter"))
			.verifyComplete();
		try (Stream<Planet> refused = chat.streamPartial(ChatCompletionRequest.of(List.of(ChatMessage.user("refuse"))),
				Planet.class)) {
			assertThatExceptionOfType(RefusedAnswerException.class).isThrownBy(refused::toList);
		}
	}

	@Test
	void refusalsFailTypedInEveryFlavour() {
		ChatCompletionRequest request = ChatCompletionRequest.of(List.of(ChatMessage.user("Please refuse this")));
		assertThatExceptionOfType(RefusedAnswerException.class).isThrownBy(() -> chat.create(request, Planet.class))
			.satisfies((ex) -> {
				assertThat(ex.refusal()).contains("can't help");
				assertThat(ex.requestId()).isNotBlank();
			});
		StepVerifier.create(reactiveChat.create(request, Planet.class))
			.expectError(RefusedAnswerException.class)
			.verify();
		try (Stream<Step> steps = chat.streamList(request, Step.class)) {
			assertThatExceptionOfType(RefusedAnswerException.class).isThrownBy(steps::toList);
		}
	}

	@Test
	void cutOffAnswersFailTypedWithTheFinishReason() {
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(ChatMessage.user("A long plan"))
			.maxCompletionTokens(8)
			.build();
		assertThatExceptionOfType(IncompleteAnswerException.class).isThrownBy(() -> chat.create(request, Planet.class))
			.satisfies((ex) -> {
				assertThat(ex.finishReason()).isEqualTo(FinishReason.LENGTH);
				assertThat(ex.text()).hasSize(32);
				assertThat(ex.getMessage()).contains("max_completion_tokens");
			});
		StepVerifier.create(reactiveChat.streamList(request, Step.class))
			.expectError(IncompleteAnswerException.class)
			.verify();
	}

	@Test
	void schemasThatBreakTheStrictRulesFailBeforeAnyRequest() {
		int before = fake.requests().size();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> chat.create(List.of(ChatMessage.user("x")), Anything.class))
			.withMessageContaining("Anything.payload")
			.withMessageContaining("must have a 'type'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ResponseFormat.jsonSchema("loose",
					Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string")),
							"additionalProperties", false)))
			.withMessageContaining("/: 'required' must list every property; 'name' is missing");
		assertThat(fake.requests().size()).isEqualTo(before);
	}

}
