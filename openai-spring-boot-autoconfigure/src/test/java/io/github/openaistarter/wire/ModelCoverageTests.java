package io.github.openaistarter.wire;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import io.github.openaistarter.chat.model.ChatCompletionChunk;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds our wire types to the official description: every property of the request schema
 * must be written by some request our builders make, and every property of the response
 * schemas must be read by the type we decode it into, wherever it occurs, unless it is on
 * the {@link LeftOutProperties} list. A property the description gains later fails here,
 * by name, until the model has it. Prints the coverage per schema.
 */
class ModelCoverageTests {

	private static final Map<String, Coverage> RESULTS = new ConcurrentHashMap<>();

	static Stream<Arguments> responseSchemas() {
		return ResponseTypes.BY_SCHEMA.keySet()
			.stream()
			.map((schema) -> Arguments.of(schema, ResponseTypes.javaModel(schema)));
	}

	@Test
	void requestTypesWriteEveryPropertyOfTheRequestSchema() throws Exception {
		OpenApiDescription description = OpenApiDescription.load();
		List<JsonNode> bodies;
		try (CapturingServer server = new CapturingServer()) {
			EveryRequestField.forCreate().forEach(server.chat()::create);
			try (Stream<ChatCompletionChunk> chunks = server.chat().stream(EveryRequestField.forStream())) {
				assertThat(chunks).isEmpty();
			}
			bodies = server.bodies();
		}
		Coverage coverage = new CoverageWalker(description).requests("CreateChatCompletionRequest", bodies);
		RESULTS.put(coverage.root(), coverage);
		assertThat(coverage.missing()).as("request properties no request of ours writes").isEmpty();
		assertThat(LeftOutProperties.REQUEST.keySet()).as("left-out entries that are no request property")
			.allSatisfy((key) -> assertThat(coverage.contains(key)).as(key).isTrue());
		assertThat(coverage.count(Coverage.Status.LEFT_OUT)).isEqualTo(LeftOutProperties.REQUEST.size());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("responseSchemas")
	void responseTypesReadEveryPropertyOfTheResponseSchema(String schema, JavaModel type) {
		Coverage coverage = new CoverageWalker(OpenApiDescription.load()).responses(schema, type);
		RESULTS.put(schema, coverage);
		assertThat(coverage.total()).as("properties reached").isPositive();
		assertThat(coverage.missing()).as("%s properties %s does not read", schema, type).isEmpty();
	}

	@Test
	void leftOutResponsePropertiesAreResponseProperties() {
		CoverageWalker walker = new CoverageWalker(OpenApiDescription.load());
		List<Coverage> all = responseSchemas()
			.map((args) -> walker.responses((String) args.get()[0], (JavaModel) args.get()[1]))
			.toList();
		assertThat(LeftOutProperties.RESPONSE.keySet()).as("left-out entries that are no response property")
			.allSatisfy((key) -> assertThat(all.stream().anyMatch((each) -> each.contains(key))).as(key).isTrue());
	}

	@AfterAll
	static void printCoverage() {
		if (RESULTS.isEmpty()) {
			return;
		}
		StringBuilder report = new StringBuilder(
				"\nModel coverage of the OpenAI description (properties covered/total)\n");
		Stream.concat(Stream.of("CreateChatCompletionRequest"), responseSchemas().map((args) -> (String) args.get()[0]))
			.map(RESULTS::get)
			.filter((coverage) -> coverage != null)
			.forEach((coverage) -> {
				report.append("  ").append(coverage.summary()).append('\n');
				coverage.bySchema()
					.forEach((schema, counts) -> report.append(String.format("      %-50s %3d/%3d%s%n", schema,
							counts[0], counts[1], (counts[2] > 0) ? " (" + counts[2] + " left out)" : "")));
			});
		LeftOutProperties.REQUEST.forEach(
				(key, reason) -> report.append("  left out: ").append(key).append(": ").append(reason).append('\n'));
		System.out.print(report);
	}

}
