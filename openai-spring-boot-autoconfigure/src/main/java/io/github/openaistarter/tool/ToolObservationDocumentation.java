package io.github.openaistarter.tool;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of a tool loop, named after the OpenTelemetry GenAI semantic
 * conventions: one {@code openai.tool_loop} per loop, parent of the model calls of its
 * rounds ({@code gen_ai.client.operation}) and of one {@code gen_ai.execute_tool} per
 * tool call (a timer per tool: {@code gen_ai.execute_tool} tagged with
 * {@code gen_ai.tool.name}).
 */
public enum ToolObservationDocumentation implements ObservationDocumentation {

	/** A whole tool loop. */
	TOOL_LOOP {

		@Override
		public String getName() {
			return "openai.tool_loop";
		}

		@Override
		public String getContextualName() {
			return "tool_loop";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { Keys.OUTCOME, Keys.ERROR_TYPE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { Keys.ROUNDS, Keys.TOOL_CALLS };
		}

	},

	/** One tool call. */
	EXECUTE_TOOL {

		@Override
		public String getName() {
			return "gen_ai.execute_tool";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { Keys.OPERATION_NAME, Keys.TOOL_NAME, Keys.TOOL_TYPE, Keys.OUTCOME, Keys.ERROR_TYPE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { Keys.TOOL_CALL_ID, Keys.TOOL_CALL_ARGUMENTS, Keys.TOOL_CALL_RESULT };
		}

	};

	/**
	 * The keys of the tool observations.
	 */
	public enum Keys implements KeyName {

		/** Always {@code execute_tool}. */
		OPERATION_NAME("gen_ai.operation.name"),

		/** The tool's name. */
		TOOL_NAME("gen_ai.tool.name"),

		/** Always {@code function}. */
		TOOL_TYPE("gen_ai.tool.type"),

		/** {@code success}, {@code error} or {@code cancelled}. */
		OUTCOME("outcome"),

		/** The simple class name of the exception, or {@code none}. */
		ERROR_TYPE("error.type"),

		/** The tool call's id (span only). */
		TOOL_CALL_ID("gen_ai.tool.call.id"),

		/** The call's arguments, only with content capture on (span only). */
		TOOL_CALL_ARGUMENTS("gen_ai.tool.call.arguments"),

		/** The call's result, only with content capture on (span only). */
		TOOL_CALL_RESULT("gen_ai.tool.call.result"),

		/** The model calls a loop made (span only). */
		ROUNDS("openai.tool_loop.rounds"),

		/** The tool calls a loop ran (span only). */
		TOOL_CALLS("openai.tool_loop.tool_calls");

		private final String value;

		Keys(String value) {
			this.value = value;
		}

		@Override
		public String asString() {
			return this.value;
		}

	}

}
