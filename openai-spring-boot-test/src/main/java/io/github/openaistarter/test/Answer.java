package io.github.openaistarter.test;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the fake model answers: a text made from the request (by default {@code echo: <last user text>}), or a
 * tool call. Immutable.
 *
 * <p>A request gets a tool call when it offers function tools and {@code tool_choice} is {@code required} or
 * names a function; or when {@code tool_choice} is {@code auto} or absent, the conversation does not already end
 * with a tool result, and either a tool call was configured or the last user text has the word "call". The
 * function called is the one {@code tool_choice} names, else the configured one, else the first offered.
 */
final class Answer {

	static final Answer ECHO = new Answer(Answer::echo, null, "{}");

	private static final Pattern CALL = Pattern.compile("\\bcall\\b", Pattern.CASE_INSENSITIVE);

	private final Function<JsonNode, String> text;

	private final @Nullable String toolName;

	private final String toolArguments;

	private Answer(Function<JsonNode, String> text, @Nullable String toolName, String toolArguments) {
		this.text = text;
		this.toolName = toolName;
		this.toolArguments = toolArguments;
	}

	/**
	 * The default answer: {@code echo: <last user text>}; for {@code response_format} {@code json_object},
	 * {@code {"echo": "<last user text>"}}; for {@code json_schema}, JSON made from the schema
	 * ({@link SchemaSamples}).
	 * @param request the create request
	 * @return the answer's text
	 */
	static String echo(JsonNode request) {
		String text = Conversation.lastUserText(request);
		if (!wantsJson(request)) {
			return "echo: " + text;
		}
		JsonNode schema = request.path("response_format").path("json_schema").path("schema");
		return Json.text(schema.isObject() ? SchemaSamples.sample(schema, text) : Json.object().put("echo", text));
	}

	/**
	 * Whether a request asks for a JSON answer ({@code response_format} {@code json_object} or
	 * {@code json_schema}).
	 * @param request the create request
	 * @return whether the answer is JSON
	 */
	static boolean wantsJson(JsonNode request) {
		String type = request.path("response_format").path("type").asString("");
		return type.equals("json_object") || type.equals("json_schema");
	}

	Answer withText(Function<JsonNode, String> text) {
		return new Answer(Objects.requireNonNull(text, "text must not be null"), this.toolName, this.toolArguments);
	}

	Answer withToolCall(String name, String arguments) {
		if (name.isBlank()) {
			throw new IllegalArgumentException("The tool name must not be blank");
		}
		return new Answer(this.text, name, Objects.requireNonNull(arguments, "arguments must not be null"));
	}

	/**
	 * The text answer to a request.
	 * @param request the create request
	 * @return the text
	 */
	String text(JsonNode request) {
		String answer = this.text.apply(request);
		if (answer == null) {
			throw new IllegalStateException("The configured answer returned null for " + request);
		}
		return answer;
	}

	/**
	 * The tool call answering a request, if it gets one.
	 * @param request the create request
	 * @return the call, or {@code null} for a text answer
	 */
	@Nullable ToolCall toolCall(JsonNode request) {
		List<String> functions = Conversation.functionNames(request);
		JsonNode choice = request.path("tool_choice");
		if (functions.isEmpty() || "none".equals(choice.asString(""))) {
			return null;
		}
		String named = choice.path("function").path("name").asString(null);
		if (named != null) {
			return new ToolCall(named, this.toolArguments);
		}
		String function = (this.toolName != null) ? this.toolName : functions.get(0);
		if ("required".equals(choice.asString(""))) {
			return new ToolCall(function, this.toolArguments);
		}
		boolean wanted = (this.toolName != null) || CALL.matcher(Conversation.lastUserText(request)).find();
		return (wanted && !"tool".equals(Conversation.lastRole(request))) ? new ToolCall(function, this.toolArguments)
				: null;
	}

	/**
	 * A call of a function tool.
	 * @param name the function name
	 * @param arguments the arguments, as JSON text
	 */
	record ToolCall(String name, String arguments) {
	}

}
