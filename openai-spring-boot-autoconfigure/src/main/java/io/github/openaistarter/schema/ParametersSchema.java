package io.github.openaistarter.schema;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * The strict JSON schema of a list of named parameters as one object, the way a Java
 * method's parameters become a function tool's {@code parameters}, and the reader of the
 * arguments the model sends back. Each parameter is a property, in order, all required; a
 * nullable parameter is a union with {@code null}; the types share their {@code $defs}.
 * Immutable; generate it once per method. <pre>{@code
 * ParametersSchema parameters = ParametersSchema.of(List.of(
 *         new ParametersSchema.Parameter("city", String.class, "The city, in English", false),
 *         new ParametersSchema.Parameter("days", int.class, null, false)));
 * parameters.schema();   // an object schema: properties city and days, both required
 * Object[] arguments = parameters.read("{\"city\":\"Paris\",\"days\":3}");   // ["Paris", 3]
 * }</pre>
 */
public final class ParametersSchema {

	private static final TypeReference<Map<String, Object>> SCHEMA_MAP = new TypeReference<>() {
	};

	private final List<Parameter> parameters;

	private final List<JavaType> types;

	private final Map<String, Object> schema;

	private ParametersSchema(List<Parameter> parameters, Map<String, Object> schema) {
		this.parameters = parameters;
		this.types = parameters.stream().map((parameter) -> TypeSchema.MAPPER.constructType(parameter.type())).toList();
		this.schema = schema;
	}

	/**
	 * Generates the schema of some parameters and checks it against OpenAI's strict
	 * rules.
	 * @param parameters the parameters, in order, with distinct names
	 * @return the schema
	 * @throws IllegalArgumentException if two parameters have the same name or the schema
	 * would break OpenAI's strict rules (naming the parameter and the rule)
	 */
	public static ParametersSchema of(List<Parameter> parameters) {
		Assert.notNull(parameters, "parameters must not be null");
		List<Type> types = parameters.stream().map(Parameter::type).toList();
		List<ObjectNode> generated = JavaTypeSchemaGenerator.generateTogether(types);
		ObjectNode root = TypeSchema.MAPPER.createObjectNode().put("type", "object");
		ObjectNode properties = root.putObject("properties");
		ArrayNode required = root.putArray("required");
		for (int i = 0; i < parameters.size(); i++) {
			Parameter parameter = parameters.get(i);
			Assert.isTrue(!properties.has(parameter.name()), () -> "Two parameters are named " + parameter.name());
			properties.set(parameter.name(), property(generated.get(i), parameter));
			required.add(parameter.name());
		}
		root.put("additionalProperties", false);
		ObjectNode definitions = generated.get(generated.size() - 1);
		if (!definitions.isEmpty()) {
			root.set("$defs", definitions);
		}
		Map<String, Object> schema = TypeSchema.MAPPER.convertValue(root, SCHEMA_MAP);
		StrictSchemaViolation violation = StrictSchemaRules.firstViolation(schema);
		if (violation != null) {
			throw new IllegalArgumentException("The parameters schema breaks OpenAI's strict rules at "
					+ violation.propertyPath("parameters") + ": " + violation.rule());
		}
		return new ParametersSchema(List.copyOf(parameters), TypeSchema.unmodifiable(schema));
	}

	private static ObjectNode property(ObjectNode generated, Parameter parameter) {
		ObjectNode property = generated.deepCopy();
		if (parameter.nullable()) {
			JsonNode type = property.get("type");
			if (type != null && type.isString() && !property.has("enum")) {
				property.putArray("type").add(type.asString()).add("null");
			}
			else if (type == null || !type.isArray()) {
				ObjectNode union = TypeSchema.MAPPER.createObjectNode();
				union.putArray("anyOf").add(property).addObject().put("type", "null");
				property = union;
			}
		}
		if (parameter.description() != null) {
			property.put("description", parameter.description());
		}
		return property;
	}

	/**
	 * The parameters, in order.
	 * @return the parameters
	 */
	public List<Parameter> parameters() {
		return this.parameters;
	}

	/**
	 * The JSON Schema of the parameters, an object, unmodifiable.
	 * @return the schema
	 */
	public Map<String, Object> schema() {
		return this.schema;
	}

	/**
	 * Reads the arguments a model sent, a JSON object, into one value per parameter. A
	 * property the object does not have reads as {@code null} (an error for a primitive);
	 * properties it has beyond the parameters are ignored.
	 * @param arguments the JSON object, as text
	 * @return the values, in the parameters' order
	 * @throws TypeMismatchException naming the parameter (and the path inside it) where
	 * the JSON does not fit
	 */
	public @Nullable Object[] read(String arguments) {
		Assert.notNull(arguments, "arguments must not be null");
		JsonNode object;
		try {
			object = TypeSchema.MAPPER.readTree(arguments.isBlank() ? "{}" : arguments);
		}
		catch (JacksonException ex) {
			throw TypeSchema.mismatch("the parameters", "", ex);
		}
		if (!object.isObject()) {
			throw new TypeMismatchException("", "The arguments must be a JSON object, not " + object.getNodeType(),
					new IllegalArgumentException(arguments));
		}
		@Nullable Object[] values = new Object[this.parameters.size()];
		for (int i = 0; i < values.length; i++) {
			String name = this.parameters.get(i).name();
			JsonNode value = object.path(name);
			try {
				values[i] = TypeSchema.MAPPER.readerFor(this.types.get(i))
					.readValue(value.isMissingNode() ? TypeSchema.MAPPER.nullNode() : value);
			}
			catch (JacksonException ex) {
				throw TypeSchema.mismatch("parameter " + name, name, ex);
			}
		}
		return values;
	}

	@Override
	public String toString() {
		return "ParametersSchema" + this.parameters.stream().map(Parameter::name).toList();
	}

	/**
	 * One parameter.
	 *
	 * @param name its name, the property of the arguments object
	 * @param type its Java type
	 * @param description what it is, for the model, or {@code null}
	 * @param nullable whether the model may send {@code null}
	 */
	public record Parameter(String name, Type type, @Nullable String description, boolean nullable) {

		/**
		 * Creates a parameter.
		 * @param name the name
		 * @param type the type
		 * @param description the description
		 * @param nullable whether it may be null
		 */
		public Parameter {
			Assert.hasText(name, "name must not be empty");
			Objects.requireNonNull(type, "type must not be null");
		}

		/**
		 * A Java method's parameter: nullable when annotated {@code @Nullable} (any
		 * annotation of that name, as for properties) or of type {@code Optional<X>},
		 * which stands for {@code X} (read it back into an {@code Optional} yourself).
		 * @param parameter the method's parameter
		 * @param name its name in the arguments
		 * @param description what it is, or {@code null}
		 * @return the parameter
		 */
		public static Parameter of(java.lang.reflect.Parameter parameter, String name, @Nullable String description) {
			Type type = parameter.getParameterizedType();
			if (parameter.getType() == Optional.class) {
				Type element = (type instanceof ParameterizedType generic) ? generic.getActualTypeArguments()[0]
						: Object.class;
				return new Parameter(name, element, description, true);
			}
			boolean nullable = JavaTypeSchemaGenerator.hasNullable(parameter)
					|| JavaTypeSchemaGenerator.hasNullable(parameter.getAnnotatedType());
			return new Parameter(name, type, description, nullable);
		}

	}

}
