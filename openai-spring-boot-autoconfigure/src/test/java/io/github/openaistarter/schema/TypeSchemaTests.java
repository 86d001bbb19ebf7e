package io.github.openaistarter.schema;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The schema of each Java construct, asserted whole, and reading JSON back.
 */
class TypeSchemaTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	record Point(int x, double y, String label, boolean on) {
	}

	enum Color {

		RED, GREEN

	}

	enum Size3 {

		SMALL("s"), LARGE("l");

		private final String code;

		Size3(String code) {
			this.code = code;
		}

		@JsonValue
		String code() {
			return this.code;
		}

	}

	record Enums(Color color, Size3 size) {
	}

	record Collections(List<String> names, Set<Integer> counts, long[] totals) {
	}

	record Counts(Map<String, Integer> byName, Map<Color, String> byColor) {
	}

	record Inner(String value) {
	}

	record Optionals(Optional<String> note, @Nullable Integer discount, @Nullable Inner inner) {
	}

	record Node(String name, List<Node> children) {
	}

	record Twice(Inner first, Inner second) {
	}

	@JsonClassDescription("A described thing")
	record Described(@JsonPropertyDescription("the name") @JsonProperty("full_name") String name,
			@JsonIgnore @Nullable String secret) {
	}

	record Constrained(@Pattern(regexp = "^[A-Z]{3}$") String code, @Min(1) @Max(10) int rank, @Positive double weight,
			@Size(min = 1, max = 3) List<String> tags, @Email String email, @Size(max = 5) String shortText) {
	}

	record Times(LocalDate date, Instant at, LocalTime time, Duration took, UUID id, URI link) {
	}

	record Loose(String name, Object payload) {
	}

	record Outer(Loose inner) {
	}

	record Page<T>(List<T> items, int total) {
	}

	static final class Created {

		private final String name;

		@JsonCreator
		Created(@JsonProperty("name") String name) {
			this.name = name;
		}

		public String getName() {
			return this.name;
		}

	}

	@Test
	void recordIsAStrictObjectInDeclarationOrder() {
		Map<String, Object> schema = TypeSchema.of(Point.class).schema();
		assertSchema(TypeSchema.of(Point.class), """
				{"type":"object","properties":{"x":{"type":"integer"},"y":{"type":"number"},
				 "label":{"type":"string"},"on":{"type":"boolean"}},
				 "required":["x","y","label","on"],"additionalProperties":false}""");
		assertThat(((Map<?, ?>) schema.get("properties")).keySet()).map(String::valueOf)
			.containsExactly("x", "y", "label", "on");
		assertThat(TypeSchema.of(Point.class).name()).isEqualTo("Point");
	}

	@Test
	void enumsListTheirNamesOrJsonValues() {
		assertSchema(TypeSchema.of(Enums.class), """
				{"type":"object","properties":{"color":{"type":"string","enum":["RED","GREEN"]},
				 "size":{"type":"string","enum":["s","l"]}},
				 "required":["color","size"],"additionalProperties":false}""");
		assertThat(TypeSchema.of(Enums.class).read("{\"color\":\"GREEN\",\"size\":\"l\"}"))
			.isEqualTo(new Enums(Color.GREEN, Size3.LARGE));
	}

	@Test
	void collectionsAndArraysAreArrays() {
		assertSchema(TypeSchema.of(Collections.class),
				"""
						{"type":"object","properties":{"names":{"type":"array","items":{"type":"string"}},
						 "counts":{"type":"array","items":{"type":"integer"}},"totals":{"type":"array","items":{"type":"integer"}}},
						 "required":["names","counts","totals"],"additionalProperties":false}""");
	}

	@Test
	void mapsAreArraysOfKeyValueEntries() {
		TypeSchema<Counts> counts = TypeSchema.of(Counts.class);
		assertSchema(counts, """
				{"type":"object","properties":{
				 "byName":{"type":"array","items":{"type":"object","properties":{"key":{"type":"string"},
				   "value":{"type":"integer"}},"required":["key","value"],"additionalProperties":false}},
				 "byColor":{"type":"array","items":{"type":"object","properties":{
				   "key":{"type":"string","enum":["RED","GREEN"]},"value":{"type":"string"}},
				   "required":["key","value"],"additionalProperties":false}}},
				 "required":["byName","byColor"],"additionalProperties":false}""");
		Counts read = counts.read("""
				{"byName":[{"key":"a","value":1},{"key":"b","value":2}],"byColor":{"RED":"warm"}}""");
		assertThat(read.byName()).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
		assertThat(read.byColor()).containsExactly(Map.entry(Color.RED, "warm"));
	}

	@Test
	void optionalAndNullableBecomeUnionsWithNullAndStayRequired() {
		TypeSchema<Optionals> optionals = TypeSchema.of(Optionals.class);
		assertSchema(optionals, """
				{"type":"object","properties":{"note":{"type":["string","null"]},
				 "discount":{"type":["integer","null"]},
				 "inner":{"type":["object","null"],"properties":{"value":{"type":"string"}},
				   "required":["value"],"additionalProperties":false}},
				 "required":["note","discount","inner"],"additionalProperties":false}""");
		assertThat(optionals.read("{\"note\":null,\"discount\":null,\"inner\":null}"))
			.isEqualTo(new Optionals(Optional.empty(), null, null));
	}

	@Test
	void recursiveAndRepeatedTypesGoThroughDefinitions() {
		assertSchema(TypeSchema.of(Node.class), """
				{"type":"object","properties":{"name":{"type":"string"},
				 "children":{"type":"array","items":{"$ref":"#"}}},
				 "required":["name","children"],"additionalProperties":false}""");
		assertSchema(TypeSchema.of(Twice.class), """
				{"$defs":{"Inner":{"type":"object","properties":{"value":{"type":"string"}},"required":["value"],
				   "additionalProperties":false}},
				 "type":"object","properties":{"first":{"$ref":"#/$defs/Inner"},"second":{"$ref":"#/$defs/Inner"}},
				 "required":["first","second"],"additionalProperties":false}""");
	}

	@Test
	void jacksonAnnotationsNameDescribeAndHide() {
		assertSchema(TypeSchema.of(Described.class), """
				{"type":"object","description":"A described thing",
				 "properties":{"full_name":{"type":"string","description":"the name"}},
				 "required":["full_name"],"additionalProperties":false}""");
		assertThat(TypeSchema.of(Described.class).read("{\"full_name\":\"Ada\"}").name()).isEqualTo("Ada");
	}

	@Test
	void validationConstraintsBecomeTheKeywordsStrictModeAccepts() {
		assertSchema(TypeSchema.of(Constrained.class), """
				{"type":"object","properties":{"code":{"type":"string","pattern":"^[A-Z]{3}$"},
				 "rank":{"type":"integer","minimum":1,"maximum":10},
				 "weight":{"type":"number","exclusiveMinimum":0},
				 "tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":3},
				 "email":{"type":"string","format":"email"},"shortText":{"type":"string"}},
				 "required":["code","rank","weight","tags","email","shortText"],"additionalProperties":false}""");
	}

	@Test
	void timesAndIdsGetTheFormatsStrictModeAccepts() {
		assertSchema(TypeSchema.of(Times.class), """
				{"type":"object","properties":{"date":{"type":"string","format":"date"},
				 "at":{"type":"string","format":"date-time"},"time":{"type":"string","format":"time"},
				 "took":{"type":"string","format":"duration"},"id":{"type":"string","format":"uuid"},
				 "link":{"type":"string"}},
				 "required":["date","at","time","took","id","link"],"additionalProperties":false}""");
		Times times = TypeSchema.of(Times.class).read("""
				{"date":"2025-01-01","at":"2025-01-01T12:00:00Z","time":"12:00:00","took":"P1D",
				 "id":"123e4567-e89b-42d3-a456-426614174000","link":"https://example.com/"}""");
		assertThat(times.took()).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void genericTypesAndClassesWithCreatorsAreSupported() {
		TypeSchema<Page<Inner>> page = TypeSchema.of(new ParameterizedTypeReference<Page<Inner>>() {
		});
		assertThat(page.read("{\"items\":[{\"value\":\"v\"}],\"total\":1}").items()).containsExactly(new Inner("v"));
		assertSchema(TypeSchema.of(Created.class), """
				{"type":"object","properties":{"name":{"type":"string"}},"required":["name"],
				 "additionalProperties":false}""");
		assertThat(TypeSchema.of(Created.class).read("{\"name\":\"n\"}").getName()).isEqualTo("n");
	}

	@Test
	void theRootMustBeAnObject() {
		assertThatIllegalArgumentException().isThrownBy(() -> TypeSchema.of(String.class))
			.withMessageContaining("java.lang.String cannot be the root of a strict schema");
		assertThatIllegalArgumentException().isThrownBy(() -> TypeSchema.of(Color.class))
			.withMessageContaining("use a record or class with properties");
	}

	@Test
	void aTypeThatBreaksTheRulesNamesTheJavaPropertyPath() {
		assertThatIllegalArgumentException().isThrownBy(() -> TypeSchema.of(Outer.class))
			.withMessageContaining("breaks OpenAI's strict rules at Outer.inner.payload")
			.withMessageContaining("a schema must have a 'type'");
	}

	@Test
	void eachTypeIsGeneratedOnce() {
		assertThat(TypeSchema.of(Point.class)).isSameAs(TypeSchema.of(Point.class));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> TypeSchema.of(Point.class).schema().put("x", 1));
	}

	@Test
	void readingNamesThePathWhereTheJsonDoesNotFit() {
		assertThatExceptionOfType(TypeMismatchException.class)
			.isThrownBy(
					() -> TypeSchema.of(Twice.class).read("{\"first\":{\"value\":\"a\"},\"second\":{\"value\":[1]}}"))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("second.value"))
			.withMessageContaining("The JSON does not fit Twice at second.value");
		assertThatExceptionOfType(TypeMismatchException.class)
			.isThrownBy(() -> TypeSchema.of(Point.class).read("{\"x\":null,\"y\":1,\"label\":\"l\",\"on\":true}"))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("x"));
		assertThatExceptionOfType(TypeMismatchException.class)
			.isThrownBy(() -> TypeSchema.of(Point.class).read("{\"x\":1,\"y\":"));
	}

	private static void assertSchema(TypeSchema<?> schema, String expected) {
		assertThat(JSON.readTree(JSON.writeValueAsString(schema.schema()))).isEqualTo(JSON.readTree(expected));
	}

}
