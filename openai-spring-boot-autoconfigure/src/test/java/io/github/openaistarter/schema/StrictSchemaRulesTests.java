package io.github.openaistarter.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * One test per strict rule and limit: a schema that breaks it fails naming the place and
 * the rule; one at the limit passes.
 */
class StrictSchemaRulesTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final String STRING = "{\"type\":\"string\"}";

	static Stream<Arguments> brokenSchemas() {
		return Stream.of(
				Arguments.of("root not an object", "{\"type\":\"array\",\"items\":" + STRING + "}", "/",
						"the root must be a schema of type \"object\", was \"array\""),
				Arguments.of("anyOf at the root", "{\"type\":\"object\",\"additionalProperties\":false,\"anyOf\":[]}",
						"/", "'anyOf' is not permitted at the root"),
				Arguments.of("additionalProperties missing", object("{\"a\":" + STRING + "}", "[\"a\"]", null), "/",
						"'additionalProperties' must be present and false"),
				Arguments.of("additionalProperties true", object("{}", "[]", "true"), "/",
						"'additionalProperties' must be present and false"),
				Arguments.of("a property not required",
						object("{\"a\":" + STRING + ",\"b\":" + STRING + "}", "[\"a\"]", "false"), "/",
						"'required' must list every property; 'b' is missing"),
				Arguments.of("required names no property", object("{}", "[\"ghost\"]", "false"), "/",
						"'required' names 'ghost', which is not a property"),
				Arguments.of("nested object not closed",
						object("{\"a\":{\"type\":\"object\",\"properties\":{}}}", "[\"a\"]", "false"), "/properties/a",
						"'additionalProperties' must be present and false"),
				Arguments.of("unsupported keyword", property("{\"type\":\"string\",\"minLength\":2}"), "/properties/p",
						"'minLength' is not supported in strict mode"),
				Arguments.of("allOf", property("{\"allOf\":[" + STRING + "]}"), "/properties/p",
						"'allOf' is not supported in strict mode"),
				Arguments.of("oneOf", property("{\"oneOf\":[" + STRING + "]}"), "/properties/p",
						"'oneOf' is not supported in strict mode"),
				Arguments.of("default", property("{\"type\":\"string\",\"default\":\"x\"}"), "/properties/p",
						"'default' is not supported in strict mode"),
				Arguments.of("no type", property("{\"description\":\"anything\"}"), "/properties/p",
						"a schema must have a 'type'"),
				Arguments.of("unknown type", property("{\"type\":\"date\"}"), "/properties/p",
						"type \"date\" is not supported"),
				Arguments.of("unsupported format", property("{\"type\":\"string\",\"format\":\"uri\"}"),
						"/properties/p", "format 'uri' is not supported"),
				Arguments.of("bad pattern", property("{\"type\":\"string\",\"pattern\":\"[a-\"}"), "/properties/p",
						"'pattern' is not a valid regular expression"),
				Arguments.of("array without items", property("{\"type\":\"array\"}"), "/properties/p",
						"an array schema must have 'items'"),
				Arguments.of("negative minItems",
						property("{\"type\":\"array\",\"items\":" + STRING + ",\"minItems\":-1}"), "/properties/p",
						"'minItems' must be a non-negative integer"),
				Arguments.of("zero multipleOf", property("{\"type\":\"number\",\"multipleOf\":0}"), "/properties/p",
						"'multipleOf' must be a positive number"),
				Arguments.of("empty enum", property("{\"type\":\"string\",\"enum\":[]}"), "/properties/p",
						"'enum' must be a non-empty array"),
				Arguments.of("enum value of another type", property("{\"type\":\"string\",\"enum\":[\"a\",1]}"),
						"/properties/p", "enum value '1' does not match the type \"string\""),
				Arguments.of("object const", property("{\"const\":{\"a\":1}}"), "/properties/p",
						"'const' must be a string, number, boolean or null"),
				Arguments.of("reference outside $defs", property("{\"$ref\":\"#/properties/p\"}"), "/properties/p",
						"must point to '#' or into '#/$defs/'"),
				Arguments.of("dangling reference", property("{\"$ref\":\"#/$defs/Missing\"}"), "/properties/p",
						"reference '#/$defs/Missing' does not resolve"),
				Arguments.of("broken definition",
						"{\"type\":\"object\",\"properties\":{},\"required\":[],\"additionalProperties\":false,"
								+ "\"$defs\":{\"D\":{\"type\":\"object\"}}}",
						"/$defs/D", "'additionalProperties' must be present and false"),
				Arguments.of("broken anyOf branch", property("{\"anyOf\":[" + STRING + ",{\"type\":\"object\"}]}"),
						"/properties/p/anyOf/1", "'additionalProperties' must be present and false"),
				Arguments.of("broken array items", property("{\"type\":\"array\",\"items\":{\"type\":\"uuid\"}}"),
						"/properties/p/items", "type \"uuid\" is not supported"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenSchemas")
	void eachRuleNamesThePlaceAndTheRule(String rule, String schema, String pointer, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> StrictSchemaRules.check("answer", parse(schema)))
			.withMessageStartingWith("The strict schema 'answer' breaks OpenAI's rules at " + pointer + ": ")
			.withMessageContaining(message);
	}

	@Test
	void everySupportedKeywordAndFormatPasses() {
		Map<String, Object> schema = parse("""
				{"type":"object","title":"t","description":"d","$comment":"c","additionalProperties":false,
				 "required":["s","n","a","e","c","r","u"],
				 "properties":{
				  "s":{"type":"string","pattern":"^a+$","format":"date-time"},
				  "n":{"type":["number","null"],"minimum":0,"maximum":9,"exclusiveMinimum":-1,"exclusiveMaximum":10,
				       "multipleOf":0.5},
				  "a":{"type":"array","items":{"type":"integer"},"minItems":0,"maxItems":3},
				  "e":{"enum":["x","y",null],"type":["string","null"]},
				  "c":{"const":42},
				  "r":{"$ref":"#/$defs/R"},
				  "u":{"anyOf":[{"type":"null"},{"$ref":"#"}]}},
				 "$defs":{"R":{"type":"object","properties":{},"required":[],"additionalProperties":false}}}""");
		assertThatNoException().isThrownBy(() -> StrictSchemaRules.check("all", schema));
		for (String format : StrictSchemaRules.SUPPORTED_FORMATS) {
			assertThatNoException().isThrownBy(() -> StrictSchemaRules.check(format,
					parse(property("{\"type\":\"string\",\"format\":\"" + format + "\"}"))));
		}
	}

	@Test
	void nestingIsLimitedToTenLevels() {
		assertThatNoException().isThrownBy(() -> StrictSchemaRules.check("deep", nested(10)));
		assertThatIllegalArgumentException().isThrownBy(() -> StrictSchemaRules.check("deep", nested(11)))
			.withMessageContaining("objects are nested 11 levels deep here, more than the limit of 10");
	}

	@Test
	void propertiesAreLimitedInTotal() {
		assertThatNoException().isThrownBy(() -> StrictSchemaRules.check("wide", wide(5_000, 1)));
		assertThatIllegalArgumentException().isThrownBy(() -> StrictSchemaRules.check("wide", wide(5_001, 1)))
			.withMessageContaining("5001 properties, more than the limit of 5000");
	}

	@Test
	void enumValuesAreLimitedInTotal() {
		assertThatNoException().isThrownBy(() -> StrictSchemaRules.check("enums", enumOf(1_000, 1)));
		assertThatIllegalArgumentException().isThrownBy(() -> StrictSchemaRules.check("enums", enumOf(1_001, 1)))
			.withMessageContaining("1001 enum values, more than the limit of 1000");
	}

	@Test
	void aLargeStringEnumIsLimitedInLength() {
		// 251 values of 59 characters: 14,809 characters pass; of 60: 15,060 characters
		// fail
		assertThatNoException().isThrownBy(() -> StrictSchemaRules.check("big", enumOf(251, 59)));
		assertThatIllegalArgumentException().isThrownBy(() -> StrictSchemaRules.check("big", enumOf(251, 60)))
			.withMessageContaining("an enum of more than 250 strings may have at most 15000 characters; "
					+ "this one has 251 values and 15060 characters");
		assertThatNoException().isThrownBy(() -> StrictSchemaRules.check("small", enumOf(250, 100)));
	}

	@Test
	void namesAndValuesAreLimitedInTotalLength() {
		// 1,000 properties with 120-character names: 120,000 characters pass; 121
		// characters fail
		assertThatNoException().isThrownBy(() -> StrictSchemaRules.check("long", wide(1_000, 120)));
		assertThatIllegalArgumentException().isThrownBy(() -> StrictSchemaRules.check("long", wide(1_000, 121)))
			.withMessageContaining("more than 120000 characters in total");
	}

	@Test
	void theLimitsArePublicConstants() {
		assertThat(List.of(StrictSchemaRules.MAX_NESTING_DEPTH, StrictSchemaRules.MAX_PROPERTIES,
				StrictSchemaRules.MAX_ENUM_VALUES, StrictSchemaRules.MAX_TOTAL_STRING_LENGTH,
				StrictSchemaRules.LARGE_ENUM_SIZE, StrictSchemaRules.MAX_LARGE_ENUM_LENGTH))
			.containsExactly(10, 5_000, 1_000, 120_000, 250, 15_000);
	}

	private static String object(String properties, String required,
			@org.jspecify.annotations.Nullable String additional) {
		return "{\"type\":\"object\",\"properties\":" + properties + ",\"required\":" + required
				+ ((additional != null) ? ",\"additionalProperties\":" + additional : "") + "}";
	}

	private static String property(String schema) {
		return object("{\"p\":" + schema + "}", "[\"p\"]", "false");
	}

	private static Map<String, Object> nested(int levels) {
		Map<String, Object> node = closed(Map.of());
		for (int i = 1; i < levels; i++) {
			node = closed(Map.of("child", node));
		}
		return node;
	}

	private static Map<String, Object> wide(int properties, int nameLength) {
		Map<String, Object> children = new LinkedHashMap<>();
		IntStream.range(0, properties).forEach((i) -> children.put(padded(i, nameLength), Map.of("type", "integer")));
		return closed(children);
	}

	private static Map<String, Object> enumOf(int values, int valueLength) {
		List<String> names = IntStream.range(0, values).mapToObj((i) -> padded(i, valueLength)).toList();
		return closed(Map.of("e", Map.of("type", "string", "enum", names)));
	}

	private static String padded(int number, int length) {
		String digits = Integer.toString(number);
		return "k".repeat(Math.max(0, length - digits.length())) + digits;
	}

	private static Map<String, Object> closed(Map<String, Object> properties) {
		return Map.of("type", "object", "properties", properties, "required", List.copyOf(properties.keySet()),
				"additionalProperties", false);
	}

	private static Map<String, Object> parse(String json) {
		return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

}
