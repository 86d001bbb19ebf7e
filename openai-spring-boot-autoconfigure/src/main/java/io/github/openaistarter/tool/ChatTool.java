package io.github.openaistarter.tool;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.model.FunctionDefinition;
import io.github.openaistarter.chat.model.Tool;
import io.github.openaistarter.core.OpenAiJson;
import io.github.openaistarter.schema.TypeMismatchException;
import io.github.openaistarter.schema.TypeSchema;

import org.springframework.util.Assert;

/**
 * A function the model may call and the Java code that runs it: a name, a description, a
 * strict parameter schema (generated from Java types and checked against OpenAI's strict
 * rules when the tool is made), and the call itself, which reads the model's arguments
 * into Java values and writes the result as JSON (a {@code String} as it is). Immutable
 * and thread-safe if the code it runs is. <pre>{@code
 * record CityQuery(String city) {}
 *
 * ChatTool weather = ChatTool.of("current_weather", "The current weather in a city", CityQuery.class,
 *         query -> weatherService.current(query.city()));
 * }</pre> Methods annotated {@link OpenAiTool @OpenAiTool} become tools through
 * {@link ChatTools#from(Object...)} or the auto-configured {@link ChatTools} bean.
 */
public final class ChatTool {

	/** What OpenAI accepts as a function name. */
	private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

	private static final JsonMapper RESULT_WRITER = OpenAiJson.createMapper();

	/** The result text of a tool whose Java code returns nothing ({@code void}). */
	static final String DONE = "done";

	private final String name;

	private final @Nullable String description;

	private final Map<String, Object> parameters;

	private final Invocation invocation;

	private final String source;

	ChatTool(String name, @Nullable String description, Map<String, Object> parameters, Invocation invocation,
			String source) {
		Assert.isTrue(name != null && NAME.matcher(name).matches(), () -> "A tool name must be 1 to 64 letters,"
				+ " digits, '_' or '-' (OpenAI's rule for function names), not '" + name + "'");
		this.name = name;
		this.description = (description == null || description.isBlank()) ? null : description;
		this.parameters = parameters;
		this.invocation = invocation;
		this.source = source;
	}

	/**
	 * A tool whose arguments are one record or class.
	 * @param <P> the arguments' type
	 * @param name the function name ({@code a-z A-Z 0-9 _ -}, up to 64 characters)
	 * @param description what it does and when to use it, for the model; or {@code null}
	 * @param parameters the arguments' type, a record or class; its properties are the
	 * function's parameters
	 * @param function the code, given the arguments; its result is sent back as JSON (a
	 * {@code String} as is)
	 * @return the tool
	 * @throws IllegalArgumentException if the name is not one OpenAI accepts, or the
	 * type's schema breaks OpenAI's strict rules
	 */
	public static <P> ChatTool of(String name, @Nullable String description, Class<P> parameters,
			Function<? super P, ?> function) {
		Assert.notNull(function, "function must not be null");
		TypeSchema<P> schema = TypeSchema.of(parameters);
		return new ChatTool(name, description, schema.schema(), (arguments) -> function.apply(schema.read(arguments)),
				"a function of " + parameters.getSimpleName());
	}

	/**
	 * The function name the model calls.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * What the tool does, for the model.
	 * @return the description, or {@code null}
	 */
	public @Nullable String description() {
		return this.description;
	}

	/**
	 * The strict JSON Schema of the arguments, unmodifiable.
	 * @return the schema, an object
	 */
	public Map<String, Object> parameters() {
		return this.parameters;
	}

	/**
	 * The tool as the request's {@code tools} list carries it: a function with a strict
	 * schema.
	 * @return the definition
	 */
	public Tool definition() {
		return Tool.function(new FunctionDefinition(this.name, this.description, this.parameters, true));
	}

	/**
	 * Runs the tool on the model's arguments.
	 * @param arguments the arguments, a JSON object as text
	 * @return the result as the {@code tool} message's text: a {@code String} result as
	 * it is, {@code "done"} for none, anything else as JSON
	 * @throws TypeMismatchException if the arguments do not fit the parameters, naming
	 * the path
	 * @throws Exception whatever the tool's code throws
	 */
	public String call(String arguments) throws Exception {
		Object result = this.invocation.call(Objects.requireNonNull(arguments, "arguments must not be null"));
		if (result == Invocation.VOID) {
			return DONE;
		}
		if (result instanceof CharSequence text) {
			return text.toString();
		}
		return RESULT_WRITER.writeValueAsString(result);
	}

	@Override
	public String toString() {
		return "ChatTool[" + this.name + ": " + this.source + "]";
	}

	/**
	 * The code behind a tool.
	 */
	@FunctionalInterface
	interface Invocation {

		/** What an invocation returns for a method that returns nothing. */
		Object VOID = new Object();

		/**
		 * Runs the code.
		 * @param arguments the model's arguments, a JSON object as text
		 * @return the result, {@link #VOID} for none
		 * @throws Exception whatever the code throws
		 */
		@Nullable Object call(String arguments) throws Exception;

	}

}
