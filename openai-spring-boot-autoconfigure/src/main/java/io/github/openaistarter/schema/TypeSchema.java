package io.github.openaistarter.schema;

import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.core.OpenAiJson;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;

/**
 * The strict JSON schema of a Java type, and the reader of JSON that follows it.
 * Generated once per type and cached: asking again for the same type costs a map look-up.
 * <pre>{@code
 * record Planet(String name, double radiusKm, List<String> moons) {}
 *
 * TypeSchema<Planet> planet = TypeSchema.of(Planet.class);
 * planet.schema();     // {"type":"object","properties":{"name":{"type":"string"},...},"required":[...],...}
 * planet.read(json);   // a Planet
 * }</pre> The schema meets OpenAI's strict rules ({@link StrictSchemaRules}), or
 * {@link #of(Class)} fails with an {@link IllegalArgumentException} naming the Java
 * property and the rule. The type's root must be a record or class with properties:
 * OpenAI's strict schemas are objects at the root. How each Java construct maps to the
 * schema is described on the generator: records and classes, enums, collections and
 * arrays, {@code Map<K, V>} (as an array of key and value entries), {@code Optional} and
 * {@code @Nullable} (unions with {@code null}), nested and recursive types ({@code $defs}
 * and {@code $ref}), Jackson's annotations and Jakarta Validation's constraints.
 *
 * @param <T> the Java type
 */
public final class TypeSchema<T> {

	private static final ConcurrentMap<Type, TypeSchema<?>> CACHE = new ConcurrentHashMap<>();

	/** Reads what the schemas describe: maps as entries, no null for a primitive. */
	static final JsonMapper MAPPER = OpenAiJson.createMapper()
		.rebuild()
		.addModule(new MapEntriesModule())
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/**
	 * Reads partial answers: absent properties become null or zero, an enum value in
	 * progress null.
	 */
	private static final JsonMapper PARTIAL_MAPPER = MAPPER.rebuild()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
		.build();

	private static final TypeReference<Map<String, Object>> SCHEMA_MAP = new TypeReference<>() {
	};

	private final JavaType type;

	private final String name;

	private final Map<String, Object> schema;

	private TypeSchema(JavaType type, String name, Map<String, Object> schema) {
		this.type = type;
		this.name = name;
		this.schema = schema;
	}

	/**
	 * The schema of a class or record.
	 * @param <T> the type
	 * @param type the type
	 * @return its schema
	 * @throws IllegalArgumentException if the type's schema would break OpenAI's strict
	 * rules
	 */
	@SuppressWarnings("unchecked")
	public static <T> TypeSchema<T> of(Class<T> type) {
		return (TypeSchema<T>) forType(type);
	}

	/**
	 * The schema of a generic type, for example {@code new
	 * ParameterizedTypeReference<Page<Planet>>() {}}.
	 * @param <T> the type
	 * @param type the type
	 * @return its schema
	 * @throws IllegalArgumentException if the type's schema would break OpenAI's strict
	 * rules
	 */
	@SuppressWarnings("unchecked")
	public static <T> TypeSchema<T> of(ParameterizedTypeReference<T> type) {
		Assert.notNull(type, "type must not be null");
		return (TypeSchema<T>) forType(type.getType());
	}

	/**
	 * The schema of any Java type.
	 * @param type the type
	 * @return its schema
	 * @throws IllegalArgumentException if the type's schema would break OpenAI's strict
	 * rules
	 */
	public static TypeSchema<?> forType(Type type) {
		Assert.notNull(type, "type must not be null");
		return CACHE.computeIfAbsent(type, TypeSchema::generate);
	}

	private static TypeSchema<?> generate(Type type) {
		JavaType javaType = MAPPER.constructType(type);
		String simpleName = javaType.getRawClass().getSimpleName();
		Map<String, Object> schema = MAPPER.convertValue(JavaTypeSchemaGenerator.generate(type), SCHEMA_MAP);
		if (!"object".equals(schema.get("type"))) {
			throw new IllegalArgumentException(javaType.getRawClass().getName()
					+ " cannot be the root of a strict schema: OpenAI needs an object at the root, so use a record or"
					+ " class with properties (for a list, a record holding the list)");
		}
		StrictSchemaViolation violation = StrictSchemaRules.firstViolation(schema);
		if (violation != null) {
			throw new IllegalArgumentException(
					"The schema of " + javaType.getRawClass().getName() + " breaks OpenAI's strict rules at "
							+ violation.propertyPath(simpleName) + ": " + violation.rule());
		}
		return new TypeSchema<>(javaType, schemaName(simpleName), unmodifiable(schema));
	}

	@SuppressWarnings("unchecked")
	static <V> V unmodifiable(V value) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(key, unmodifiable(item)));
			return (V) Collections.unmodifiableMap(copy);
		}
		if (value instanceof List<?> list) {
			return (V) list.stream().map(TypeSchema::unmodifiable).toList();
		}
		return value;
	}

	/**
	 * The name OpenAI's {@code json_schema} needs: {@code a-z A-Z 0-9 _ -}, up to 64
	 * characters.
	 */
	private static String schemaName(String simpleName) {
		String name = simpleName.replaceAll("[^A-Za-z0-9_-]", "_");
		return name.isEmpty() ? "answer" : name.substring(0, Math.min(64, name.length()));
	}

	/**
	 * The Java type.
	 * @return the type
	 */
	public Type type() {
		return this.type;
	}

	/**
	 * A name for the schema, from the type's simple name ({@code a-z A-Z 0-9 _ -}, up to
	 * 64 characters), as {@code response_format.json_schema.name} needs one.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The schema, as unmodifiable maps and lists.
	 * @return the JSON Schema
	 */
	public Map<String, Object> schema() {
		return this.schema;
	}

	/**
	 * Reads JSON that follows the schema into the type.
	 * @param json the JSON text
	 * @return the value
	 * @throws TypeMismatchException naming the path where the JSON does not fit the type
	 */
	public T read(String json) {
		return read(MAPPER, json);
	}

	/**
	 * Reads the JSON of a partial answer (see {@link PartialJson#snapshot()}) into the
	 * type: the properties not there yet are {@code null} (zero or {@code false} for
	 * primitives), and so is an enum value that is not one of the type's yet.
	 * @param json the JSON text of a partial answer
	 * @return the value so far
	 * @throws TypeMismatchException naming the path where the JSON does not fit the type
	 */
	public T readPartial(String json) {
		return read(PARTIAL_MAPPER, json);
	}

	private T read(JsonMapper mapper, String json) {
		Assert.notNull(json, "json must not be null");
		try {
			return mapper.readValue(json, this.type);
		}
		catch (JacksonException ex) {
			throw mismatch(this.type.getRawClass().getSimpleName(), "", ex);
		}
	}

	/**
	 * A reader of this type's JSON as it streams in, handing out each element of the
	 * array held by one of the root's properties the moment the element's JSON is
	 * complete.
	 * @param <E> the element type
	 * @param property the root property holding the array
	 * @param elementType the element type
	 * @return a new reader, for one answer
	 */
	public <E> StreamedArrayReader<E> arrayReader(String property, Class<E> elementType) {
		Assert.hasText(property, "property must not be empty");
		Assert.notNull(elementType, "elementType must not be null");
		return new StreamedArrayReader<>(MAPPER, property, MAPPER.constructType(elementType));
	}

	@Override
	public String toString() {
		return "TypeSchema[" + this.type + "]";
	}

	/**
	 * Turns a parser's failure into a mismatch naming the JSON path.
	 * @param what the type that was read
	 * @param prefix the path of the value that was read, empty for the root
	 * @param ex the failure
	 * @return the mismatch
	 */
	static TypeMismatchException mismatch(String what, String prefix, JacksonException ex) {
		StringBuilder path = new StringBuilder(prefix);
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		String where = path.isEmpty() ? "" : " at " + path;
		return new TypeMismatchException(path.toString(),
				"The JSON does not fit " + what + where + ": " + ex.getOriginalMessage(), ex);
	}

}
