package io.github.openaistarter.schema;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.MethodScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigPart;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.openaistarter.core.OpenAiJson;

/**
 * Generates the strict JSON schema of a Java type with victools' generator, configured
 * for OpenAI's strict mode:
 * <ul>
 * <li>properties in declaration order, every one of them {@code required},
 * {@code additionalProperties: false} on every object;</li>
 * <li>{@code Optional<X>} and properties annotated {@code @Nullable} (JSpecify, Jakarta,
 * Spring or any annotation of that simple name) become unions with {@code null};</li>
 * <li>{@code Map<K, V>} becomes an array of {@code {"key": K, "value": V}} entries, since
 * strict mode has no free-form objects (the reader turns the entries back into the
 * map);</li>
 * <li>Jackson's annotations ({@code @JsonProperty}, {@code @JsonPropertyDescription},
 * {@code @JsonClassDescription}, {@code @JsonIgnore}, {@code @JsonValue} on enums)
 * apply;</li>
 * <li>Jakarta Validation's {@code @Pattern}, {@code @Min}, {@code @Max},
 * {@code @DecimalMin}, {@code @DecimalMax}, {@code @Positive}, {@code @PositiveOrZero},
 * {@code @Negative}, {@code @NegativeOrZero}, {@code @Email} and {@code @Size} on
 * collections become the keywords strict mode accepts (read by name, so Jakarta
 * Validation need not be on the classpath); strict mode has no string length
 * keywords;</li>
 * <li>{@code java.time} types and {@code UUID} get the formats strict mode accepts.</li>
 * </ul>
 */
final class JavaTypeSchemaGenerator {

	private static final Map<Class<?>, String> FORMATS = Map.of(LocalDate.class, "date", LocalDateTime.class,
			"date-time", OffsetDateTime.class, "date-time", ZonedDateTime.class, "date-time", Instant.class,
			"date-time", LocalTime.class, "time", OffsetTime.class, "time", Duration.class, "duration", UUID.class,
			"uuid");

	private static final String VALIDATION = "jakarta.validation.constraints.";

	private static final JsonMapper ENUM_WRITER = OpenAiJson.createMapper();

	private static final SchemaGenerator GENERATOR = new SchemaGenerator(configuration());

	private JavaTypeSchemaGenerator() {
	}

	/**
	 * Generates a type's schema. Serialized: the generator's configuration parts keep
	 * state during a generation (they are reset after each), and each type is generated
	 * once anyway.
	 * @param type the type
	 * @return the schema
	 */
	static synchronized ObjectNode generate(Type type) {
		return GENERATOR.generateSchema(type);
	}

	/**
	 * Generates the schemas of several types that share their definitions, as the
	 * properties of one object.
	 * @param types the types
	 * @return the schema of each type, in order (a reference into {@code #/$defs}, or
	 * inline), then the definitions they share, by name (empty when there are none)
	 */
	static synchronized List<ObjectNode> generateTogether(List<Type> types) {
		SchemaBuilder builder = GENERATOR.buildMultipleSchemaDefinitions();
		List<ObjectNode> schemas = new ArrayList<>();
		for (Type type : types) {
			schemas.add(builder.createSchemaReference(type));
		}
		schemas.add(builder.collectDefinitions("$defs"));
		return schemas;
	}

	private static com.github.victools.jsonschema.generator.SchemaGeneratorConfig configuration() {
		SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.with(new JacksonSchemaModule())
			.with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.PLAIN_DEFINITION_KEYS,
					Option.FLATTENED_OPTIONALS)
			.without(Option.SCHEMA_VERSION_INDICATOR, Option.STANDARD_FORMATS, Option.EXTRA_OPEN_API_FORMAT_VALUES);
		builder.forTypesInGeneral()
			.withPropertySorter((first, second) -> 0)
			.withCustomDefinitionProvider(JavaTypeSchemaGenerator::mapAsEntries)
			.withCustomDefinitionProvider(JavaTypeSchemaGenerator::enumValues)
			.withStringFormatResolver((scope) -> FORMATS.get(scope.getType().getErasedType()));
		builder.forFields().withRequiredCheck((field) -> true).withNullableCheck(JavaTypeSchemaGenerator::isNullable);
		builder.forMethods().withRequiredCheck((method) -> true);
		constraints(builder.forFields());
		return builder.build();
	}

	private static @Nullable CustomDefinition mapAsEntries(ResolvedType type, SchemaGenerationContext context) {
		if (!type.isInstanceOf(Map.class)) {
			return null;
		}
		ResolvedType keyType = context.getTypeContext().getTypeParameterFor(type, Map.class, 0);
		ResolvedType valueType = context.getTypeContext().getTypeParameterFor(type, Map.class, 1);
		ObjectNode entry = context.getGeneratorConfig().createObjectNode().put("type", "object");
		ObjectNode properties = entry.putObject("properties");
		properties.set("key", context.createDefinitionReference(orObject(keyType, context)));
		properties.set("value", context.createDefinitionReference(orObject(valueType, context)));
		entry.putArray("required").add("key").add("value");
		entry.put("additionalProperties", false);
		ObjectNode array = context.getGeneratorConfig().createObjectNode().put("type", "array");
		array.set("items", entry);
		return new CustomDefinition(array, CustomDefinition.DefinitionType.INLINE,
				CustomDefinition.AttributeInclusion.YES);
	}

	/**
	 * An enum's values as Jackson writes them ({@code @JsonValue}, {@code @JsonProperty}
	 * on constants, or the names), so that the schema lists exactly what reading accepts.
	 */
	private static @Nullable CustomDefinition enumValues(ResolvedType type, SchemaGenerationContext context) {
		Class<?> erased = type.getErasedType();
		if (!erased.isEnum()) {
			return null;
		}
		ObjectNode definition = context.getGeneratorConfig().createObjectNode();
		ArrayNode values = definition.putArray("enum");
		for (Object constant : erased.getEnumConstants()) {
			values.add(ENUM_WRITER.valueToTree(constant));
		}
		boolean strings = values.valueStream().allMatch(JsonNode::isString);
		boolean integers = values.valueStream().allMatch(JsonNode::isIntegralNumber);
		if (!strings && !integers) {
			return null;
		}
		definition.put("type", strings ? "string" : "integer");
		return new CustomDefinition(definition, CustomDefinition.DefinitionType.INLINE,
				CustomDefinition.AttributeInclusion.YES);
	}

	private static ResolvedType orObject(@Nullable ResolvedType type, SchemaGenerationContext context) {
		return (type != null) ? type : context.getTypeContext().resolve(Object.class);
	}

	private static boolean isNullable(FieldScope field) {
		if (field.getRawMember() == null) {
			return false;
		}
		Field raw = field.getRawMember();
		MethodScope getter = field.findGetter();
		return hasNullable(raw) || hasNullable(raw.getAnnotatedType())
				|| (getter != null && hasNullable(getter.getRawMember()));
	}

	/**
	 * Whether an element carries an annotation named {@code Nullable} (JSpecify, Jakarta,
	 * Spring or any other).
	 * @param element a field, method, parameter or annotated type
	 * @return whether it is marked nullable
	 */
	static boolean hasNullable(AnnotatedElement element) {
		return Arrays.stream(element.getAnnotations())
			.anyMatch((annotation) -> annotation.annotationType().getSimpleName().equals("Nullable"));
	}

	private static void constraints(SchemaGeneratorConfigPart<FieldScope> fields) {
		fields.withStringPatternResolver((field) -> stringValue(field, "Pattern", "regexp"))
			.withStringFormatResolver((field) -> (constraint(field, "Email") != null) ? "email" : null)
			.withNumberInclusiveMinimumResolver((field) -> firstOf(decimal(field, "Min", "value"),
					decimal(field, "DecimalMin", "value"), zeroIf(field, "PositiveOrZero")))
			.withNumberExclusiveMinimumResolver((field) -> zeroIf(field, "Positive"))
			.withNumberInclusiveMaximumResolver((field) -> firstOf(decimal(field, "Max", "value"),
					decimal(field, "DecimalMax", "value"), zeroIf(field, "NegativeOrZero")))
			.withNumberExclusiveMaximumResolver((field) -> zeroIf(field, "Negative"))
			.withArrayMinItemsResolver((field) -> sizeOfCollection(field, "min", 0))
			.withArrayMaxItemsResolver((field) -> sizeOfCollection(field, "max", Integer.MAX_VALUE));
	}

	private static @Nullable Annotation constraint(MemberScope<?, ?> member, String simpleName) {
		if (member.getRawMember() == null) {
			return null;
		}
		AnnotatedElement element = (AnnotatedElement) member.getRawMember();
		return Stream.of(element.getAnnotations())
			.filter((annotation) -> annotation.annotationType().getName().equals(VALIDATION + simpleName))
			.findFirst()
			.orElse(null);
	}

	private static @Nullable Object attribute(MemberScope<?, ?> member, String simpleName, String attribute) {
		Annotation annotation = constraint(member, simpleName);
		if (annotation == null) {
			return null;
		}
		try {
			return annotation.annotationType().getMethod(attribute).invoke(annotation);
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

	private static @Nullable String stringValue(MemberScope<?, ?> member, String simpleName, String attribute) {
		Object value = attribute(member, simpleName, attribute);
		return (value != null) ? value.toString() : null;
	}

	private static @Nullable BigDecimal decimal(MemberScope<?, ?> member, String simpleName, String attribute) {
		Object value = attribute(member, simpleName, attribute);
		return (value != null) ? new BigDecimal(value.toString()) : null;
	}

	private static @Nullable BigDecimal zeroIf(MemberScope<?, ?> member, String simpleName) {
		return (constraint(member, simpleName) != null) ? BigDecimal.ZERO : null;
	}

	private static @Nullable BigDecimal firstOf(@Nullable BigDecimal... values) {
		return Arrays.stream(values).filter((value) -> value != null).findFirst().orElse(null);
	}

	private static @Nullable Integer sizeOfCollection(MemberScope<?, ?> member, String attribute, int unset) {
		Class<?> type = member.getType().getErasedType();
		if (!type.isArray() && !Collection.class.isAssignableFrom(type)) {
			return null;
		}
		Object value = attribute(member, "Size", attribute);
		return (value instanceof Integer size && size != unset) ? size : null;
	}

}
