package io.github.openaistarter.test;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the fake model answers a request: a refusal, tool calls, or a text (JSON for
 * structured outputs), as the spec-checking fake of the project's conformance tests does.
 * Immutable.
 *
 * <p>
 * By default: the word "refuse" in the last user text gets a {@link #REFUSAL}; then the
 * tool calls of {@link ToolRounds}; then, for {@code response_format}
 * {@code json_schema}, JSON made from the schema ({@link SchemaSamples}); for
 * {@code json_object}, {@code {"echo": "<last user text>"}}; after tool results,
 * {@code echo: <the results joined by "; ">}; else {@code echo: <last user text>}. A
 * configured text replaces the refusal and the texts; a configured tool call replaces the
 * generated calls (see {@link OpenAiFakeServer#answerWithToolCall(String, String)}).
 */
final class Answer {

	static final Answer ECHO = new Answer(null, null, "{}");

	/** The refusal the fake model gives when the last user text has the word "refuse". */
	static final String REFUSAL = "I'm sorry, I can't help with that.";

	private final @Nullable Function<JsonNode, String> text;

	private final @Nullable String toolName;

	private final String toolArguments;

	private Answer(@Nullable Function<JsonNode, String> text, @Nullable String toolName, String toolArguments) {
		this.text = text;
		this.toolName = toolName;
		this.toolArguments = toolArguments;
	}

	/**
	 * The default text answer: {@code echo: <last user text>}, or
	 * {@code echo: <tool results>} after tool results; for {@code response_format}
	 * {@code json_object}, {@code {"echo": "<last user text>"}}; for {@code json_schema},
	 * JSON made from the schema ({@link SchemaSamples}).
	 * @param request the create request
	 * @return the answer's text
	 */
	static String echo(JsonNode request) {
		String text = Conversation.lastUserText(request);
		if (wantsJson(request)) {
			JsonNode schema = request.path("response_format").path("json_schema").path("schema");
			return Json.text(schema.isObject() ? SchemaSamples.sample(schema, text) : Json.object().put("echo", text));
		}
		if ("tool".equals(Conversation.lastRole(request))) {
			return "echo: " + String.join("; ", Conversation.toolResultsSinceLastUser(request));
		}
		return "echo: " + text;
	}

	/**
	 * Whether a request asks for a JSON answer ({@code response_format}
	 * {@code json_object} or {@code json_schema}).
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
	 * Whether the model refuses the request: the last user text has the word "refuse" and
	 * no text was configured.
	 * @param request the create request
	 * @return whether the answer is {@link #REFUSAL}
	 */
	boolean refuses(JsonNode request) {
		return this.text == null && Conversation.hasWord(Conversation.lastUserText(request), "refuse");
	}

	/**
	 * The text answer to a request.
	 * @param request the create request
	 * @return the text
	 */
	String text(JsonNode request) {
		String answer = (this.text != null) ? this.text.apply(request) : echo(request);
		if (answer == null) {
			throw new IllegalStateException("The configured answer returned null for " + request);
		}
		return answer;
	}

	/**
	 * The tool calls answering a request, if it gets any.
	 * @param request the create request
	 * @return the calls, in order; empty for a text answer
	 */
	List<ToolCall> toolCalls(JsonNode request) {
		if (this.toolName == null) {
			return ToolRounds.calls(request);
		}
		List<String> functions = Conversation.functionNames(request);
		JsonNode choice = request.path("tool_choice");
		if (functions.isEmpty() || "none".equals(choice.asString(""))) {
			return List.of();
		}
		String named = choice.path("function").path("name").asString(null);
		boolean answering = named != null || "required".equals(choice.asString(""))
				|| !"tool".equals(Conversation.lastRole(request));
		return answering ? List.of(new ToolCall((named != null) ? named : this.toolName, this.toolArguments))
				: List.of();
	}

	/**
	 * A call of a function tool.
	 *
	 * @param name the function name
	 * @param arguments the arguments, as JSON text
	 */
	record ToolCall(String name, String arguments) {
	}

}
