package io.github.openaistarter.observation;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import io.github.openaistarter.chat.model.Usage;
import io.github.openaistarter.core.OpenAiEndpoint;
import io.github.openaistarter.observation.OpenAiObservationDocumentation.HighCardinalityKeys;
import io.github.openaistarter.observation.OpenAiObservationDocumentation.LowCardinalityKeys;

/**
 * The default names and keys of OpenAI observations: name {@value #NAME}, span name
 * {@code "<gen_ai.operation.name> <gen_ai.request.model>"} (for example
 * {@code chat gpt-4.1-mini}), and the keys of {@link OpenAiObservationDocumentation}.
 */
public class DefaultOpenAiObservationConvention implements OpenAiObservationConvention {

	/** The observation name, after the OpenTelemetry GenAI conventions. */
	public static final String NAME = "gen_ai.client.operation";

	private static final String NONE = "none";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(OpenAiObservationContext context) {
		String operation = operationName(context);
		return (context.getRequestModel() != null) ? operation + " " + context.getRequestModel() : operation;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(OpenAiObservationContext context) {
		OpenAiEndpoint endpoint = context.getEndpoint();
		return KeyValues.of(KeyValue.of(LowCardinalityKeys.OPERATION_NAME, operationName(context)),
				KeyValue.of(LowCardinalityKeys.PROVIDER_NAME, (endpoint != null) ? endpoint.providerName() : "openai"),
				KeyValue.of(LowCardinalityKeys.CLIENT_NAME, (endpoint != null) ? endpoint.clientName() : NONE),
				KeyValue.of(LowCardinalityKeys.REQUEST_MODEL, orNone(context.getRequestModel())),
				KeyValue.of(LowCardinalityKeys.OPENAI_OPERATION, context.getOperation()),
				KeyValue.of(LowCardinalityKeys.STREAMING, String.valueOf(context.isStreaming())),
				KeyValue.of(LowCardinalityKeys.OUTCOME, outcome(context)),
				KeyValue.of(LowCardinalityKeys.STATUS_CLASS,
						(context.getStatus() != null) ? (context.getStatus() / 100) + "xx" : NONE),
				KeyValue.of(LowCardinalityKeys.ERROR_TYPE,
						(context.getError() != null) ? context.getError().getClass().getSimpleName() : NONE),
				KeyValue.of(LowCardinalityKeys.ATTEMPTS, String.valueOf(context.getAttempts())),
				KeyValue.of(LowCardinalityKeys.SERVER_ADDRESS, (endpoint != null) ? endpoint.serverAddress() : NONE),
				KeyValue.of(LowCardinalityKeys.SERVER_PORT,
						(endpoint != null) ? String.valueOf(endpoint.serverPort()) : NONE));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(OpenAiObservationContext context) {
		List<KeyValue> keys = new ArrayList<>();
		add(keys, HighCardinalityKeys.RESPONSE_MODEL, context.getResponseModel());
		add(keys, HighCardinalityKeys.RESPONSE_ID, context.getCompletionId());
		add(keys, HighCardinalityKeys.REQUEST_ID, context.getRequestId());
		add(keys, HighCardinalityKeys.STATUS, context.getStatus());
		if (!context.getFinishReasons().isEmpty()) {
			keys.add(KeyValue.of(HighCardinalityKeys.FINISH_REASONS, String.join(",", context.getFinishReasons())));
		}
		Usage usage = context.getUsage();
		if (usage != null) {
			keys.add(KeyValue.of(HighCardinalityKeys.INPUT_TOKENS, String.valueOf(usage.promptTokens())));
			keys.add(KeyValue.of(HighCardinalityKeys.OUTPUT_TOKENS, String.valueOf(usage.completionTokens())));
		}
		if (context.isStreaming()) {
			keys.add(KeyValue.of(HighCardinalityKeys.CHUNKS, String.valueOf(context.getChunkCount())));
		}
		add(keys, HighCardinalityKeys.INPUT_MESSAGES, context.getRequestContent());
		if (!context.getResponseContent().isEmpty()) {
			keys.add(KeyValue.of(HighCardinalityKeys.OUTPUT_MESSAGES, context.getResponseContent()));
		}
		return KeyValues.of(keys);
	}

	/**
	 * {@code chat} for the operations that create a completion, else the operation
	 * itself.
	 * @param context the context
	 * @return the {@code gen_ai.operation.name}
	 */
	protected String operationName(OpenAiObservationContext context) {
		String operation = context.getOperation();
		return (operation.endsWith(".create") || operation.endsWith(".stream")) ? "chat" : operation;
	}

	private static String outcome(OpenAiObservationContext context) {
		if (context.isCancelled()) {
			return "cancelled";
		}
		return (context.getError() != null) ? "error" : "success";
	}

	private static void add(List<KeyValue> keys, HighCardinalityKeys key, @Nullable Object value) {
		if (value != null) {
			keys.add(KeyValue.of(key, value.toString()));
		}
	}

	private static String orNone(@Nullable String value) {
		return (value != null) ? value : NONE;
	}

}
