package io.github.openaistarter.chat.structured;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.Choice;
import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.chat.model.ResponseFormat;
import io.github.openaistarter.core.OpenAiResponse;
import io.github.openaistarter.schema.TypeMismatchException;
import io.github.openaistarter.schema.TypeSchema;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * A Java type as the answer of a completion: the strict {@code response_format} that asks
 * for it, and the reading of the answer back into it. Made once per type and cached. The
 * operations' typed methods ({@code chat.create(request, Planet.class)}) use it; use it
 * directly for a completion obtained otherwise: <pre>{@code
 * StructuredOutput<Planet> planet = StructuredOutput.of(Planet.class);
 * ChatCompletion stored = chat.retrieve(id);
 * Planet answer = planet.read(stored).value();
 * }</pre> Reading fails with a {@link StructuredAnswerException}:
 * {@link RefusedAnswerException} when the model refused,
 * {@link IncompleteAnswerException} when the answer was cut off ({@code finish_reason}
 * {@code length} or {@code content_filter}), {@link MalformedAnswerException} when its
 * JSON does not fit the type.
 *
 * @param <T> the answer's type
 */
public final class StructuredOutput<T> {

	/** The root property of a {@link #listOf(Class) list answer} that holds the list. */
	static final String LIST_PROPERTY = "items";

	private static final ConcurrentMap<Type, StructuredOutput<?>> CACHE = new ConcurrentHashMap<>();

	private static final ConcurrentMap<Type, StructuredOutput<?>> LISTS = new ConcurrentHashMap<>();

	private final TypeSchema<?> schema;

	private final ResponseFormat responseFormat;

	private final Function<Object, T> unwrap;

	private StructuredOutput(TypeSchema<?> schema, String name, @Nullable String description,
			Function<Object, T> unwrap) {
		this.schema = schema;
		this.responseFormat = ResponseFormat
			.jsonSchema(new ResponseFormat.JsonSchema(name, description, schema.schema(), true));
		this.unwrap = unwrap;
	}

	/**
	 * The answer as a record or class.
	 * @param <T> the type
	 * @param type the type; its root must have properties (OpenAI's strict schemas are
	 * objects)
	 * @return the structured output
	 * @throws IllegalArgumentException if the type's schema would break OpenAI's strict
	 * rules, naming the property and the rule
	 */
	@SuppressWarnings("unchecked")
	public static <T> StructuredOutput<T> of(Class<T> type) {
		return (StructuredOutput<T>) forType(type);
	}

	/**
	 * The answer as a generic type, for example {@code new
	 * ParameterizedTypeReference<Page<Planet>>() {}}.
	 * @param <T> the type
	 * @param type the type
	 * @return the structured output
	 * @throws IllegalArgumentException if the type's schema would break OpenAI's strict
	 * rules
	 */
	@SuppressWarnings("unchecked")
	public static <T> StructuredOutput<T> of(ParameterizedTypeReference<T> type) {
		Assert.notNull(type, "type must not be null");
		return (StructuredOutput<T>) forType(type.getType());
	}

	/**
	 * The answer as a list of a type: the schema's root is an object whose one property
	 * holds the list, since strict schemas cannot be arrays at the root. Streamed, each
	 * element is handed out as soon as it is complete
	 * ({@code chat.streamList(request, Step.class)}).
	 * @param <E> the element type
	 * @param elementType the element type
	 * @return the structured output
	 * @throws IllegalArgumentException if the element type's schema would break OpenAI's
	 * strict rules
	 */
	@SuppressWarnings("unchecked")
	public static <E> StructuredOutput<List<E>> listOf(Class<E> elementType) {
		Assert.notNull(elementType, "elementType must not be null");
		StructuredOutput<?> output = LISTS.computeIfAbsent(elementType, (type) -> {
			Type listType = ResolvableType.forClassWithGenerics(ListAnswer.class, elementType).getType();
			return new StructuredOutput<>(TypeSchema.forType(listType), elementType.getSimpleName() + "_list",
					"A list of " + elementType.getSimpleName(), (answer) -> ((ListAnswer<?>) answer).items());
		});
		return (StructuredOutput<List<E>>) output;
	}

	private static StructuredOutput<?> forType(Type type) {
		Assert.notNull(type, "type must not be null");
		return CACHE.computeIfAbsent(type, (key) -> {
			TypeSchema<?> schema = TypeSchema.forType(key);
			return new StructuredOutput<>(schema, schema.name(), null, Function.identity());
		});
	}

	/**
	 * The schema of the answer.
	 * @return the type's schema
	 */
	public TypeSchema<?> schema() {
		return this.schema;
	}

	/**
	 * The {@code response_format} that asks for this type: {@code json_schema}, strict.
	 * @return the response format
	 */
	public ResponseFormat responseFormat() {
		return this.responseFormat;
	}

	/**
	 * A copy of a request that asks for this type.
	 * @param request the request
	 * @return the request with this type's {@code response_format}
	 * @throws IllegalArgumentException if the request already has a
	 * {@code response_format}
	 */
	public ChatCompletionRequest applyTo(ChatCompletionRequest request) {
		Assert.notNull(request, "request must not be null");
		Object existing = request.get("response_format");
		Assert.isTrue(existing == null || existing.equals(this.responseFormat), () -> "The request already has a"
				+ " response_format (" + existing + "); leave it unset to receive " + this.schema.type().getTypeName());
		return request.mutate().responseFormat(this.responseFormat).build();
	}

	/**
	 * Reads every choice of a completion.
	 * @param completion the completion
	 * @return the completion with one value per choice
	 * @throws StructuredAnswerException if a choice was refused, cut off or does not fit
	 * the type
	 */
	public StructuredCompletion<T> read(ChatCompletion completion) {
		return read(completion, null);
	}

	/**
	 * Reads every choice of a completion that came with response metadata, whose request
	 * id the exceptions carry.
	 * @param response the completion and its metadata
	 * @return the completion with one value per choice, and the same metadata
	 * @throws StructuredAnswerException if a choice was refused, cut off or does not fit
	 * the type
	 */
	public OpenAiResponse<StructuredCompletion<T>> read(OpenAiResponse<ChatCompletion> response) {
		return new OpenAiResponse<>(read(response.body(), response.requestId()), response.metadata());
	}

	private StructuredCompletion<T> read(ChatCompletion completion, @Nullable String requestId) {
		Assert.notNull(completion, "completion must not be null");
		if (completion.choices().isEmpty()) {
			throw new IllegalStateException("Completion " + completion.id() + " has no choices");
		}
		List<T> values = new ArrayList<>(completion.choices().size());
		for (Choice choice : completion.choices()) {
			String refusal = choice.message().refusal();
			String text = choice.message().text();
			values.add(read(text, refusal, choice.finishReason(), requestId));
		}
		return new StructuredCompletion<>(completion, values);
	}

	/**
	 * Reads one answer, after checking it was neither refused nor cut off.
	 */
	private T read(@Nullable String text, @Nullable String refusal, @Nullable FinishReason finishReason,
			@Nullable String requestId) {
		checkComplete(refusal, finishReason, requestId, emptyToNull(text));
		try {
			return readJson((text != null) ? text : "");
		}
		catch (TypeMismatchException ex) {
			throw new MalformedAnswerException(ex, requestId, emptyToNull(text));
		}
	}

	/**
	 * Reads the JSON of a whole answer.
	 * @param json the JSON text
	 * @return the value
	 * @throws TypeMismatchException if the JSON does not fit the type
	 */
	T readJson(String json) {
		return this.unwrap.apply(this.schema.read(json));
	}

	/**
	 * Reads the JSON of a partial answer ({@link TypeSchema#readPartial(String)}).
	 * @param json the JSON text, closed
	 * @return the value so far, or {@code null} when it has nothing yet
	 * @throws TypeMismatchException if the JSON does not fit the type
	 */
	@Nullable T readPartialJson(String json) {
		return this.unwrap.apply(this.schema.readPartial(json));
	}

	/**
	 * Fails an answer, whole or streamed, that the model refused or that stopped before
	 * its JSON was complete.
	 * @param refusal the refusal text, empty or {@code null} when there was none
	 * @param finishReason why the answer stopped
	 * @param requestId the request id for the exception
	 * @param text the answer's text for the exception
	 * @throws RefusedAnswerException if there is a refusal
	 * @throws IncompleteAnswerException if the answer stopped at the token limit or a
	 * content filter
	 */
	static void checkComplete(@Nullable String refusal, @Nullable FinishReason finishReason, @Nullable String requestId,
			@Nullable String text) {
		if (refusal != null && !refusal.isEmpty()) {
			throw new RefusedAnswerException(refusal, requestId, text);
		}
		if (finishReason != null
				&& (FinishReason.LENGTH.equals(finishReason) || FinishReason.CONTENT_FILTER.equals(finishReason))) {
			throw new IncompleteAnswerException(finishReason, requestId, text);
		}
	}

	private static @Nullable String emptyToNull(@Nullable String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

	@Override
	public String toString() {
		return "StructuredOutput[" + this.schema.type().getTypeName() + "]";
	}

	/**
	 * The root of a list answer.
	 *
	 * @param <E> the element type
	 * @param items the list
	 */
	record ListAnswer<E>(List<E> items) {

	}

}
