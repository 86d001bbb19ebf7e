package io.github.openaistarter.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * OpenAI's rules for strict schemas ({@code response_format} {@code json_schema} with
 * {@code strict: true}, and function tools with {@code strict: true}), checked before a
 * request is sent so that a broken schema fails with an {@link IllegalArgumentException}
 * naming the place and the rule instead of a 400 from OpenAI:
 * <ul>
 * <li>the root is an object ({@code type: "object"}), not an {@code anyOf};</li>
 * <li>every object has {@code additionalProperties: false} and lists every property in
 * {@code required} (optional values are unions with {@code null});</li>
 * <li>only the {@link #SUPPORTED_KEYWORDS} and {@link #SUPPORTED_FORMATS}; every node has
 * a {@code type} (or {@code anyOf}, {@code enum}, {@code const}, {@code $ref});
 * references point to {@code #} or into {@code #/$defs/} and resolve; arrays have
 * {@code items};</li>
 * <li>at most {@link #MAX_NESTING_DEPTH} levels of objects, {@link #MAX_PROPERTIES}
 * properties, {@link #MAX_ENUM_VALUES} enum values, {@link #MAX_TOTAL_STRING_LENGTH}
 * characters of property names, definition names, enum and const values, and
 * {@link #MAX_LARGE_ENUM_LENGTH} characters for one enum of more than
 * {@link #LARGE_ENUM_SIZE} strings.</li>
 * </ul>
 */
public final class StrictSchemaRules {

	/** The deepest nesting of objects OpenAI accepts. */
	public static final int MAX_NESTING_DEPTH = 10;

	/** The most object properties a schema may have in total. */
	public static final int MAX_PROPERTIES = 5_000;

	/** The most enum values a schema may have in total. */
	public static final int MAX_ENUM_VALUES = 1_000;

	/**
	 * The most characters of property names, definition names, enum and const values in
	 * one schema.
	 */
	public static final int MAX_TOTAL_STRING_LENGTH = 120_000;

	/**
	 * The number of string values past which an enum is limited to
	 * {@link #MAX_LARGE_ENUM_LENGTH} characters.
	 */
	public static final int LARGE_ENUM_SIZE = 250;

	/**
	 * The most characters of all values of one enum of more than {@link #LARGE_ENUM_SIZE}
	 * strings.
	 */
	public static final int MAX_LARGE_ENUM_LENGTH = 15_000;

	/** The keywords strict mode accepts. */
	public static final Set<String> SUPPORTED_KEYWORDS = Set.of("type", "enum", "const", "anyOf", "$ref", "$defs",
			"definitions", "description", "title", "properties", "items", "required", "additionalProperties", "pattern",
			"format", "multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems",
			"maxItems", "$schema", "$comment");

	/** The string formats strict mode accepts. */
	public static final Set<String> SUPPORTED_FORMATS = Set.of("date-time", "time", "date", "duration", "email",
			"hostname", "ipv4", "ipv6", "uuid");

	private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array",
			"null");

	private static final List<String> NUMERIC_KEYWORDS = List.of("multipleOf", "minimum", "maximum", "exclusiveMinimum",
			"exclusiveMaximum");

	private StrictSchemaRules() {
	}

	/**
	 * Checks a schema against OpenAI's strict rules.
	 * @param name what the schema is for, quoted in the message (a response format's or
	 * function's name)
	 * @param schema the JSON Schema, as maps and lists
	 * @throws IllegalArgumentException naming the JSON pointer of the first violation and
	 * the rule it breaks
	 */
	public static void check(String name, Map<String, ?> schema) {
		StrictSchemaViolation violation = firstViolation(schema);
		if (violation != null) {
			throw new IllegalArgumentException("The strict schema '" + name + "' breaks OpenAI's rules at "
					+ violation.pointer() + ": " + violation.rule());
		}
	}

	/**
	 * Finds the first place where a schema breaks the strict rules.
	 * @param schema the schema
	 * @return the violation, or {@code null} when the schema meets every rule
	 */
	static @Nullable StrictSchemaViolation firstViolation(Map<String, ?> schema) {
		try {
			new Walk(schema).root();
			return null;
		}
		catch (Broken ex) {
			return ex.violation;
		}
	}

	/**
	 * One walk over a schema, counting the totals that are limited across the whole
	 * schema.
	 */
	private static final class Walk {

		private final Map<String, ?> root;

		private final List<String> path = new ArrayList<>();

		private int properties;

		private int enumValues;

		private int characters;

		Walk(Map<String, ?> root) {
			this.root = root;
		}

		void root() {
			if (!"object".equals(this.root.get("type"))) {
				fail("the root must be a schema of type \"object\", was " + describeType(this.root.get("type")));
			}
			if (this.root.containsKey("anyOf")) {
				fail("'anyOf' is not permitted at the root");
			}
			node(this.root, 1);
		}

		private void node(@Nullable Object value, int depth) {
			if (!(value instanceof Map<?, ?> node)) {
				fail("a schema must be a JSON object");
				return;
			}
			for (Object key : node.keySet()) {
				if (!SUPPORTED_KEYWORDS.contains(key)) {
					fail("'" + key + "' is not supported in strict mode");
				}
			}
			Object ref = node.get("$ref");
			if (ref != null) {
				checkReference(ref);
			}
			else if (!node.containsKey("type") && !node.containsKey("anyOf") && !node.containsKey("enum")
					&& !node.containsKey("const")) {
				fail("a schema must have a 'type'");
			}
			List<?> types = types(node.get("type"));
			checkScalars(node, types);
			if (types.contains("object")) {
				checkObject(node, depth);
			}
			if (types.contains("array") && !node.containsKey("items")) {
				fail("an array schema must have 'items'");
			}
			if (node.get("properties") instanceof Map<?, ?> children) {
				children.forEach((name, child) -> within(List.of("properties", String.valueOf(name)),
						() -> node(child, depth + 1)));
			}
			if (node.containsKey("items")) {
				within(List.of("items"), () -> node(node.get("items"), depth));
			}
			if (node.containsKey("anyOf")) {
				if (!(node.get("anyOf") instanceof List<?> branches) || branches.isEmpty()) {
					fail("'anyOf' must be a non-empty array");
					return;
				}
				for (int i = 0; i < branches.size(); i++) {
					Object branch = branches.get(i);
					within(List.of("anyOf", String.valueOf(i)), () -> node(branch, depth));
				}
			}
			for (String defsKey : List.of("$defs", "definitions")) {
				if (node.containsKey(defsKey)) {
					if (!(node.get(defsKey) instanceof Map<?, ?> defs)) {
						fail("'" + defsKey + "' must be an object");
						return;
					}
					defs.forEach((name, definition) -> {
						countCharacters(String.valueOf(name).length());
						within(List.of(defsKey, String.valueOf(name)), () -> node(definition, 1));
					});
				}
			}
		}

		private void checkReference(Object ref) {
			if (!(ref instanceof String pointer) || !(pointer.equals("#") || pointer.startsWith("#/$defs/")
					|| pointer.startsWith("#/definitions/"))) {
				fail("reference '" + ref + "' must point to '#' or into '#/$defs/'");
				return;
			}
			if (resolve(pointer) == null) {
				fail("reference '" + pointer + "' does not resolve");
			}
		}

		private @Nullable Object resolve(String pointer) {
			Object node = this.root;
			if (pointer.equals("#")) {
				return node;
			}
			for (String part : pointer.substring(2).split("/")) {
				String key = part.replace("~1", "/").replace("~0", "~");
				if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
					return null;
				}
				node = map.get(key);
			}
			return node;
		}

		private void checkScalars(Map<?, ?> node, List<?> types) {
			for (Object type : types) {
				if (!TYPES.contains(type)) {
					fail("type " + describeType(type)
							+ " is not supported; use string, number, integer, boolean, object, array or null");
				}
			}
			Object format = node.get("format");
			if (format != null && !SUPPORTED_FORMATS.contains(format)) {
				fail("format '" + format + "' is not supported; use one of "
						+ String.join(", ", SUPPORTED_FORMATS.stream().sorted().toList()));
			}
			Object pattern = node.get("pattern");
			if (pattern != null) {
				checkPattern(pattern);
			}
			for (String keyword : NUMERIC_KEYWORDS) {
				Object number = node.get(keyword);
				if (number != null
						&& (!(number instanceof Number n) || (keyword.equals("multipleOf") && n.doubleValue() <= 0))) {
					fail("'" + keyword + "' must be a " + (keyword.equals("multipleOf") ? "positive " : "") + "number");
				}
			}
			for (String keyword : List.of("minItems", "maxItems")) {
				Object count = node.get(keyword);
				if (count != null && !(isInteger(count) && ((Number) count).longValue() >= 0)) {
					fail("'" + keyword + "' must be a non-negative integer");
				}
			}
			if (node.containsKey("enum")) {
				checkEnum(node.get("enum"), types);
			}
			if (node.containsKey("const")) {
				Object constant = node.get("const");
				if (constant instanceof Map || constant instanceof Collection) {
					fail("'const' must be a string, number, boolean or null");
				}
				checkFits(constant, types, "const value");
				countCharacters(String.valueOf(constant).length());
			}
		}

		private void checkPattern(Object pattern) {
			if (!(pattern instanceof String regex)) {
				fail("'pattern' must be a string");
				return;
			}
			try {
				Pattern.compile(regex);
			}
			catch (PatternSyntaxException ex) {
				fail("'pattern' is not a valid regular expression: " + ex.getDescription());
			}
		}

		private void checkEnum(@Nullable Object value, List<?> types) {
			if (!(value instanceof List<?> values) || values.isEmpty()) {
				fail("'enum' must be a non-empty array");
				return;
			}
			int length = 0;
			boolean allStrings = true;
			for (Object item : values) {
				if (item instanceof Map || item instanceof Collection) {
					fail("enum values must be strings, numbers, booleans or null");
				}
				checkFits(item, types, "enum value");
				allStrings &= item instanceof String;
				length += String.valueOf(item).length();
			}
			this.enumValues += values.size();
			if (this.enumValues > MAX_ENUM_VALUES) {
				fail("the schema has " + this.enumValues + " enum values, more than the limit of " + MAX_ENUM_VALUES);
			}
			if (allStrings && values.size() > LARGE_ENUM_SIZE && length > MAX_LARGE_ENUM_LENGTH) {
				fail("an enum of more than " + LARGE_ENUM_SIZE + " strings may have at most " + MAX_LARGE_ENUM_LENGTH
						+ " characters; this one has " + values.size() + " values and " + length + " characters");
			}
			countCharacters(length);
		}

		private void checkFits(@Nullable Object value, List<?> types, String what) {
			if (types.isEmpty() || types.stream().anyMatch((type) -> fits(value, type))) {
				return;
			}
			fail(what + " '" + value + "' does not match the type "
					+ describeType((types.size() == 1) ? types.get(0) : types));
		}

		private void checkObject(Map<?, ?> node, int depth) {
			if (depth > MAX_NESTING_DEPTH) {
				fail("objects are nested " + depth + " levels deep here, more than the limit of " + MAX_NESTING_DEPTH);
			}
			if (!Boolean.FALSE.equals(node.get("additionalProperties"))) {
				fail("'additionalProperties' must be present and false");
			}
			Object declared = node.get("properties");
			if (declared != null && !(declared instanceof Map)) {
				fail("'properties' must be an object");
			}
			Set<String> names = new LinkedHashSet<>();
			if (declared instanceof Map<?, ?> map) {
				map.keySet().forEach((name) -> names.add(String.valueOf(name)));
			}
			Object required = node.containsKey("required") ? node.get("required") : List.of();
			if (!(required instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
				fail("'required' must be an array listing every property");
				return;
			}
			for (String name : names) {
				if (!list.contains(name)) {
					fail("'required' must list every property; '" + name
							+ "' is missing (make it nullable instead of optional)");
				}
			}
			for (Object name : list) {
				if (!names.contains(name)) {
					fail("'required' names '" + name + "', which is not a property");
				}
			}
			this.properties += names.size();
			if (this.properties > MAX_PROPERTIES) {
				fail("the schema has " + this.properties + " properties, more than the limit of " + MAX_PROPERTIES);
			}
			countCharacters(names.stream().mapToInt(String::length).sum());
		}

		private void countCharacters(int count) {
			this.characters += count;
			if (this.characters > MAX_TOTAL_STRING_LENGTH) {
				fail("property names, definition names, enum and const values have more than " + MAX_TOTAL_STRING_LENGTH
						+ " characters in total");
			}
		}

		private void within(List<String> keys, Runnable check) {
			this.path.addAll(keys);
			check.run();
			for (int i = 0; i < keys.size(); i++) {
				this.path.remove(this.path.size() - 1);
			}
		}

		private void fail(String rule) {
			throw new Broken(new StrictSchemaViolation(List.copyOf(this.path), rule));
		}

	}

	private static List<?> types(@Nullable Object type) {
		if (type == null) {
			return List.of();
		}
		return (type instanceof List<?> list) ? list : List.of(type);
	}

	private static boolean fits(@Nullable Object value, Object type) {
		return switch (String.valueOf(type)) {
			case "null" -> value == null;
			case "integer" -> isInteger(value);
			case "number" -> value instanceof Number;
			case "string" -> value instanceof String;
			case "boolean" -> value instanceof Boolean;
			default -> false;
		};
	}

	private static boolean isInteger(@Nullable Object value) {
		return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof java.math.BigInteger || (value instanceof Number n
						&& n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue()));
	}

	private static String describeType(@Nullable Object type) {
		return (type == null) ? "none" : (type instanceof String) ? "\"" + type + "\"" : String.valueOf(type);
	}

	/** Unwinds the walk at the first violation. */
	private static final class Broken extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient StrictSchemaViolation violation;

		Broken(StrictSchemaViolation violation) {
			super(null, null, false, false);
			this.violation = violation;
		}

	}

}
