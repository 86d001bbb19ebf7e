package io.github.openaistarter.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.model.Page;
import io.github.openaistarter.chat.model.StoredMessage;
import io.github.openaistarter.core.OpenAiJson;
import io.github.openaistarter.wire.OpenApiDescription.Example;
import io.github.openaistarter.wire.OpenApiDescription.Operation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response example the description gives for the six Chat Completions operations
 * (in their {@code x-oaiMeta}, each chunk of the streaming one included), and the
 * examples of the response schemas themselves, decode into our types without losing a
 * value we model; fields we do not model are kept in {@code additionalProperties} where
 * the type keeps unknown fields.
 */
class ExampleResponsesTests {

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	private final JsonMapper mapper = OpenAiJson.createMapper();

	static Stream<Arguments> responseExamples() {
		OpenApiDescription description = OpenApiDescription.load();
		List<Arguments> examples = new ArrayList<>();
		for (String operationId : OpenApiDescription.CHAT_OPERATIONS) {
			Operation operation = description.operation(operationId);
			for (Example example : operation.examples()) {
				if (example.response() != null) {
					boolean stream = RequestExample.of(example).streams();
					examples.add(Arguments.of(example.toString(), responseSchema(operation, stream),
							documents(example.response())));
				}
			}
		}
		for (String schema : ResponseTypes.BY_SCHEMA.keySet()) {
			String example = description.schema(schema).path("x-oaiMeta").path("example").asString(null);
			if (example != null) {
				examples.add(Arguments.of(schema + " / x-oaiMeta.example", schema, documents(example)));
			}
		}
		return examples.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("responseExamples")
	void decodesWithoutLoss(String example, String schema, List<String> documents) {
		JavaType type = ResponseTypes.jacksonType(this.mapper, schema);
		assertThat(documents).as("JSON documents of %s", example).isNotEmpty();
		for (String document : documents) {
			JsonNode json = PLAIN.readTree(document);
			Object decoded = this.mapper.readValue(document, type);
			assertThat(LosslessDecoding.differences(json, decoded)).as("%s decoded as %s", example, type).isEmpty();
		}
	}

	@Test
	void everyOperationHasResponseExamples() {
		OpenApiDescription description = OpenApiDescription.load();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String operationId : OpenApiDescription.CHAT_OPERATIONS) {
			counts.put(operationId,
					description.operation(operationId)
						.examples()
						.stream()
						.filter((example) -> example.response() != null)
						.count());
		}
		assertThat(counts).allSatisfy((operation, count) -> assertThat(count).as(operation).isPositive());
		assertThat(responseExamples().count()).isGreaterThanOrEqualTo(10);
	}

	@Test
	void storedMessagesKeepTheRoleTheSchemaDoesNotAllow() {
		// The description types a listed message as ChatCompletionResponseMessage (role:
		// assistant only), yet
		// its example lists the user's message; the API does list input messages, so any
		// role is read.
		OpenApiDescription description = OpenApiDescription.load();
		JsonNode roles = description.schema("ChatCompletionResponseMessage")
			.path("properties")
			.path("role")
			.path("enum");
		assertThat(roles.toString()).isEqualTo("[\"assistant\"]");
		String example = description.operation("getChatCompletionMessages").examples().get(0).response();
		Page<StoredMessage> page = this.mapper.readValue(example,
				this.mapper.getTypeFactory().constructParametricType(Page.class, StoredMessage.class));
		assertThat(page.data()).singleElement().satisfies((message) -> {
			assertThat(message.role()).isEqualTo("user");
			assertThat(message.text()).isEqualTo("write a haiku about ai");
		});
	}

	/** The schema of an operation's 200 answer, for JSON or for the event stream. */
	private static String responseSchema(Operation operation, boolean stream) {
		JsonNode content = operation.node().path("responses").path("200").path("content");
		JsonNode schema = content.path(stream ? "text/event-stream" : "application/json").path("schema");
		return OpenApiDescription.refName(schema);
	}

	/**
	 * The JSON documents of an example answer: one, or for a stream one per chunk,
	 * separated by blank lines (the {@code ....} that stands for elided chunks is
	 * skipped).
	 */
	static List<String> documents(String response) {
		String trimmed = response.trim();
		if (!trimmed.contains("\n\n")) {
			return List.of(trimmed);
		}
		List<String> documents = new ArrayList<>();
		for (String part : trimmed.split("\\n\\s*\\n")) {
			if (part.trim().startsWith("{")) {
				documents.add(part.trim());
			}
		}
		return documents;
	}

}
