package io.github.openaistarter.schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A list of parameters as one strict object schema, and the arguments read back.
 */
class ParametersSchemaTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	enum Unit {

		CELSIUS, FAHRENHEIT

	}

	record Place(String city, @Nullable String country) {
	}

	record Node(String label, List<Node> children) {
	}

	@Test
	void everyParameterIsARequiredPropertyInOrder() {
		ParametersSchema schema = ParametersSchema.of(List.of(parameter("city", String.class, "The city"),
				parameter("days", int.class, null), new ParametersSchema.Parameter("unit", Unit.class, null, true)));
		assertThat(JSON.writeValueAsString(schema.schema())).isEqualTo("{\"type\":\"object\",\"properties\":{"
				+ "\"city\":{\"type\":\"string\",\"description\":\"The city\"},\"days\":{\"type\":\"integer\"},"
				+ "\"unit\":{\"anyOf\":[{\"enum\":[\"CELSIUS\",\"FAHRENHEIT\"],\"type\":\"string\"},{\"type\":\"null\"}]}},"
				+ "\"required\":[\"city\",\"days\",\"unit\"],\"additionalProperties\":false}");
		assertThat(schema.read("{\"city\":\"Paris\",\"days\":3,\"unit\":null}")).containsExactly("Paris", 3, null);
	}

	@Test
	void typesShareTheirDefinitionsAndRecursionWorks() {
		ParametersSchema schema = ParametersSchema.of(List.of(parameter("from", Place.class, null),
				parameter("to", Place.class, null), parameter("tree", Node.class, null)));
		Map<String, Object> properties = properties(schema);
		assertThat(properties.get("from")).isEqualTo(Map.of("$ref", "#/$defs/Place"));
		assertThat(properties.get("to")).isEqualTo(Map.of("$ref", "#/$defs/Place"));
		assertThat(schema.schema().get("$defs")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsOnlyKeys("Place", "Node");
		Object[] values = schema.read("{\"from\":{\"city\":\"Lyon\",\"country\":null},\"to\":{\"city\":\"Nice\","
				+ "\"country\":\"FR\"},\"tree\":{\"label\":\"a\",\"children\":[{\"label\":\"b\",\"children\":[]}]}}");
		assertThat(values[0]).isEqualTo(new Place("Lyon", null));
		assertThat(values[2]).isEqualTo(new Node("a", List.of(new Node("b", List.of()))));
	}

	@Test
	void genericTypesMapsAndDatesRead() {
		ParametersSchema schema = ParametersSchema
			.of(List.of(parameter("dates", new ParameterizedTypeReference<List<LocalDate>>() {
			}.getType(), null), parameter("counts", new ParameterizedTypeReference<Map<String, Integer>>() {
			}.getType(), null)));
		assertThat(properties(schema).get("counts").toString()).contains("key", "value");
		Object[] values = schema.read("{\"dates\":[\"2025-01-01\"],\"counts\":[{\"key\":\"a\",\"value\":1}]}");
		assertThat(values).containsExactly(List.of(LocalDate.of(2025, 1, 1)), Map.of("a", 1));
	}

	@Test
	void noParametersIsAnEmptyObject() {
		ParametersSchema schema = ParametersSchema.of(List.of());
		assertThat(schema.schema()).containsEntry("properties", Map.of()).containsEntry("required", List.of());
		assertThat(schema.read("")).isEmpty();
		assertThat(schema.read("{}")).isEmpty();
	}

	@Test
	void argumentsThatDoNotFitNameTheParameterAndPath() {
		ParametersSchema schema = ParametersSchema
			.of(List.of(parameter("days", int.class, null), parameter("from", Place.class, null)));
		assertThatExceptionOfType(TypeMismatchException.class).isThrownBy(() -> schema.read("{\"days\":\"x\"}"))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("days"));
		assertThatExceptionOfType(TypeMismatchException.class)
			.isThrownBy(() -> schema.read("{\"days\":1,\"from\":{\"city\":[]}}"))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("from.city"));
		assertThatExceptionOfType(TypeMismatchException.class).isThrownBy(() -> schema.read("{}"))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("days"));
		assertThatExceptionOfType(TypeMismatchException.class).isThrownBy(() -> schema.read("[1]"))
			.withMessageContaining("must be a JSON object");
		assertThatExceptionOfType(TypeMismatchException.class).isThrownBy(() -> schema.read("{\"days\":"));
	}

	@Test
	void badParametersFailWithTheRule() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> ParametersSchema.of(List.of(parameter("a", String.class, null), parameter("a", int.class, null))))
			.withMessageContaining("Two parameters are named a");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ParametersSchema.of(List.of(parameter("anything", Object.class, null))))
			.withMessageContaining("strict rules at parameters.anything");
	}

	@Test
	void aNullableParameterIsAUnionWithNull() {
		ParametersSchema schema = ParametersSchema
			.of(List.of(new ParametersSchema.Parameter("note", String.class, null, true)));
		assertThat(properties(schema).get("note")).isEqualTo(Map.of("type", List.of("string", "null")));
		assertThat(schema.read("{\"note\":null}")).containsExactly((Object) null);
	}

	private static ParametersSchema.Parameter parameter(String name, java.lang.reflect.Type type,
			@Nullable String description) {
		return new ParametersSchema.Parameter(name, type, description, false);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> properties(ParametersSchema schema) {
		return (Map<String, Object>) schema.schema().get("properties");
	}

}
