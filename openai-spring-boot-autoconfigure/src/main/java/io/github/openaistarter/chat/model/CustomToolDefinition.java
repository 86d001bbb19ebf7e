package io.github.openaistarter.chat.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A custom tool: the model writes free-form input for it, optionally constrained by a
 * grammar.
 *
 * @param name the tool name
 * @param description what it does, or {@code null}
 * @param format the input format, or {@code null} for unconstrained text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomToolDefinition(@JsonProperty("name") String name,
		@JsonProperty("description") @Nullable String description, @JsonProperty("format") @Nullable Format format) {

	/**
	 * Creates a custom tool definition.
	 * @param name the name
	 * @param description the description
	 * @param format the format
	 */
	public CustomToolDefinition {
		Assert.hasText(name, "custom tool name must not be empty");
	}

	/**
	 * The input format of a custom tool: free text, or text following a grammar.
	 *
	 * @param type {@code text} or {@code grammar}
	 * @param grammar the grammar, for {@code grammar}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Format(@JsonProperty("type") String type, @JsonProperty("grammar") @Nullable Grammar grammar) {

		/**
		 * Unconstrained text.
		 * @return the format
		 */
		public static Format text() {
			return new Format("text", null);
		}

		/**
		 * Text following a grammar.
		 * @param syntax {@code lark} or {@code regex}
		 * @param definition the grammar
		 * @return the format
		 */
		public static Format grammar(String syntax, String definition) {
			return new Format("grammar", new Grammar(definition, syntax));
		}

	}

	/**
	 * A grammar constraining a custom tool's input.
	 *
	 * @param definition the grammar text
	 * @param syntax {@code lark} or {@code regex}
	 */
	public record Grammar(@JsonProperty("definition") String definition, @JsonProperty("syntax") String syntax) {

	}

}
