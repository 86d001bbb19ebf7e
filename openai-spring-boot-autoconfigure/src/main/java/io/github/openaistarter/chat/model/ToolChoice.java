package io.github.openaistarter.chat.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Which tool the model should call ({@code tool_choice}): none, any it likes, at least
 * one, a named one, or one of an allowed subset.
 */
public final class ToolChoice {

	/** Call no tool; answer with a message. */
	public static final ToolChoice NONE = new ToolChoice("none");

	/**
	 * Decide freely between answering and calling tools (the default when tools are
	 * given).
	 */
	public static final ToolChoice AUTO = new ToolChoice("auto");

	/** Call one or more tools. */
	public static final ToolChoice REQUIRED = new ToolChoice("required");

	private final Object value;

	private ToolChoice(Object value) {
		this.value = value;
	}

	/**
	 * Call the named function.
	 * @param name the function name
	 * @return the choice
	 */
	public static ToolChoice function(String name) {
		Assert.hasText(name, "function name must not be empty");
		return new ToolChoice(Map.of("type", "function", "function", Map.of("name", name)));
	}

	/**
	 * Call the named custom tool.
	 * @param name the custom tool's name
	 * @return the choice
	 */
	public static ToolChoice custom(String name) {
		Assert.hasText(name, "custom tool name must not be empty");
		return new ToolChoice(Map.of("type", "custom", "custom", Map.of("name", name)));
	}

	/**
	 * Restrict the model to a subset of the tools.
	 * @param mode {@code auto} (may call one of them) or {@code required} (must)
	 * @param tools the allowed tools, each as OpenAI describes it, for example
	 * {@code Map.of("type", "function", "function", Map.of("name", "get_weather"))}
	 * @return the choice
	 */
	public static ToolChoice allowedTools(String mode, List<Map<String, Object>> tools) {
		Assert.hasText(mode, "mode must not be empty");
		return new ToolChoice(
				Map.of("type", "allowed_tools", "allowed_tools", Map.of("mode", mode, "tools", List.copyOf(tools))));
	}

	/**
	 * The value sent: a string or an object.
	 * @return the JSON value
	 */
	@JsonValue
	public Object value() {
		return this.value;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof ToolChoice that && this.value.equals(that.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return String.valueOf(this.value);
	}

}
