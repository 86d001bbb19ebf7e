package io.github.openaistarter.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of OpenAI calls and its keys, named after the OpenTelemetry GenAI
 * semantic conventions where they apply. Every operation (create, stream, retrieve,
 * update, delete, list, list messages, and the page walks) is one observation named
 * {@code gen_ai.client.operation}, told apart by {@code openai.operation}.
 */
public enum OpenAiObservationDocumentation implements ObservationDocumentation {

	/** One OpenAI operation. */
	CLIENT_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultOpenAiObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeys.values();
		}

	};

	/**
	 * Keys on the metrics and the span.
	 */
	public enum LowCardinalityKeys implements KeyName {

		/**
		 * {@code chat} for create and stream, else the stored-completions operation, as
		 * {@code openai.operation}.
		 */
		OPERATION_NAME("gen_ai.operation.name"),

		/** {@code openai}, or {@code azure.ai.openai} for Azure OpenAI. */
		PROVIDER_NAME("gen_ai.provider.name"),

		/**
		 * The client's name: {@code default} for the application's main client, else the
		 * name it was given (for example under {@code openai.clients.<name>}).
		 */
		CLIENT_NAME("openai.client.name"),

		/** The model asked for, or {@code none} for operations that name none. */
		REQUEST_MODEL("gen_ai.request.model"),

		/**
		 * The operation: {@code chat.completions.create},
		 * {@code chat.completions.stream}, {@code chat.completions.retrieve},
		 * {@code chat.completions.update}, {@code chat.completions.delete},
		 * {@code chat.completions.list}, {@code chat.completions.list_all},
		 * {@code chat.completions.messages.list},
		 * {@code chat.completions.messages.list_all}.
		 */
		OPENAI_OPERATION("openai.operation"),

		/** {@code true} for the stream operation. */
		STREAMING("openai.streaming"),

		/** {@code success}, {@code error} or {@code cancelled}. */
		OUTCOME("outcome"),

		/**
		 * {@code 2xx}, {@code 4xx}, {@code 5xx}, ... of the last response, or
		 * {@code none}.
		 */
		STATUS_CLASS("http.response.status_class"),

		/** The simple class name of the exception, or {@code none}. */
		ERROR_TYPE("error.type"),

		/** Attempts made: {@code 1}, or more when the call was retried. */
		ATTEMPTS("openai.attempts"),

		/** The host called. */
		SERVER_ADDRESS("server.address"),

		/** The port called (the scheme's default when the base URL names none). */
		SERVER_PORT("server.port");

		private final String value;

		LowCardinalityKeys(String value) {
			this.value = value;
		}

		@Override
		public String asString() {
			return this.value;
		}

	}

	/**
	 * Keys on the span only.
	 */
	public enum HighCardinalityKeys implements KeyName {

		/** The model that answered. */
		RESPONSE_MODEL("gen_ai.response.model"),

		/** The completion id. */
		RESPONSE_ID("gen_ai.response.id"),

		/** The finish reasons of the choices. */
		FINISH_REASONS("gen_ai.response.finish_reasons"),

		/** Input (prompt) tokens. */
		INPUT_TOKENS("gen_ai.usage.input_tokens"),

		/** Output (completion) tokens. */
		OUTPUT_TOKENS("gen_ai.usage.output_tokens"),

		/** The {@code x-request-id} of the response. */
		REQUEST_ID("openai.request_id"),

		/** The HTTP status of the last response. */
		STATUS("http.response.status_code"),

		/** Chunks a stream delivered. */
		CHUNKS("openai.stream.chunks"),

		/**
		 * The request body, only with {@code openai.observations.include-content=true}.
		 */
		INPUT_MESSAGES("gen_ai.input.messages"),

		/**
		 * The answer's text, only with {@code openai.observations.include-content=true}.
		 */
		OUTPUT_MESSAGES("gen_ai.output.messages");

		private final String value;

		HighCardinalityKeys(String value) {
			this.value = value;
		}

		@Override
		public String asString() {
			return this.value;
		}

	}

}
