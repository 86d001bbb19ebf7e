package io.github.openaistarter.chat.structured;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.core.OpenAiResponse;
import io.github.openaistarter.schema.PartialJson;
import io.github.openaistarter.schema.TypeMismatchException;

import org.springframework.util.Assert;

/**
 * Reads a streamed structured answer into a value that grows as the chunks arrive, to
 * show the answer while the model writes it: each snapshot holds the properties complete
 * so far and the string in progress; the others are {@code null} (zero or {@code false}
 * for primitives), as is an enum value not complete yet. The operations'
 * {@code streamPartial} methods use it; one instance reads one stream (the first choice)
 * and is not thread-safe. <pre>{@code
 * StreamedValue<Planet> planet = StreamedValue.of(Planet.class);
 * try (Stream<ChatCompletionChunk> chunks = chat.stream(planet.applyTo(request))) {
 *     chunks.forEach(chunk -> { Planet soFar = planet.add(chunk); if (soFar != null) show(soFar); });
 * }
 * Planet whole = planet.finish();
 * }</pre> A snapshot reads the answer so far again (the JSON text is tracked in one pass,
 * but each snapshot parses it whole), so for answers of many thousand characters prefer
 * snapshots at a slower pace, or stream a list's elements ({@link StreamedElements}). The
 * whole answer, from {@link #finish()}, is read as strictly as a non-streamed one and
 * fails the same way: {@link RefusedAnswerException}, {@link IncompleteAnswerException}
 * or {@link MalformedAnswerException}.
 *
 * @param <T> the answer's type
 */
public final class StreamedValue<T> {

	private final StructuredOutput<T> output;

	private final StreamedAnswer answer = new StreamedAnswer();

	private final PartialJson json = new PartialJson();

	private @Nullable T last;

	private StreamedValue(StructuredOutput<T> output) {
		this.output = output;
	}

	/**
	 * Reads a streamed answer of a type.
	 * @param <T> the type
	 * @param type a record or class
	 * @return a reader for one stream
	 */
	public static <T> StreamedValue<T> of(Class<T> type) {
		return of(StructuredOutput.of(type));
	}

	/**
	 * Reads a streamed answer of a structured output.
	 * @param <T> the type
	 * @param output the structured output
	 * @return a reader for one stream
	 */
	public static <T> StreamedValue<T> of(StructuredOutput<T> output) {
		Assert.notNull(output, "output must not be null");
		return new StreamedValue<>(output);
	}

	/**
	 * A copy of a request that asks for this answer.
	 * @param request the request, with one choice ({@code n} unset or 1)
	 * @return the request with the answer's {@code response_format}
	 * @throws IllegalArgumentException if the request asks for several choices or has a
	 * response format
	 */
	public ChatCompletionRequest applyTo(ChatCompletionRequest request) {
		return StreamedAnswer.applyTo(this.output, request);
	}

	/**
	 * Reads a chunk with its response metadata, whose request id the exceptions then
	 * carry.
	 * @param chunk the chunk
	 * @return the answer so far when this chunk changed it and the answer is not complete
	 * yet, else {@code null}
	 */
	public @Nullable T add(OpenAiResponse<ChatCompletionChunk> chunk) {
		this.answer.requestId(chunk.requestId());
		return add(chunk.body());
	}

	/**
	 * Reads a chunk.
	 * @param chunk the chunk
	 * @return the answer so far when this chunk changed it and the answer is not complete
	 * yet (the whole answer comes from {@link #finish()}), else {@code null}
	 * @throws MalformedAnswerException if the text so far cannot be the start of a JSON
	 * object
	 */
	public @Nullable T add(ChatCompletionChunk chunk) {
		String content = this.answer.add(chunk);
		if (content == null) {
			return null;
		}
		try {
			this.json.add(content);
		}
		catch (IllegalArgumentException ex) {
			throw this.answer.malformed(new TypeMismatchException("", String.valueOf(ex.getMessage()), ex));
		}
		T value = this.json.isComplete() ? null : snapshot();
		if (value == null || value.equals(this.last)) {
			return null;
		}
		this.last = value;
		return value;
	}

	/**
	 * Ends the stream and reads the whole answer.
	 * @return the answer
	 * @throws StructuredAnswerException if the answer was refused, cut off or does not
	 * fit the type
	 */
	public T finish() {
		this.answer.checkComplete();
		try {
			return this.output.readJson(this.json.text());
		}
		catch (TypeMismatchException ex) {
			throw this.answer.malformed(ex);
		}
	}

	private @Nullable T snapshot() {
		String withString = this.json.snapshot();
		if (withString == null) {
			return null;
		}
		try {
			return this.output.readPartialJson(withString);
		}
		catch (TypeMismatchException ex) {
			String completed = Objects.requireNonNull(this.json.completedSnapshot());
			try {
				return completed.equals(withString) ? null : this.output.readPartialJson(completed);
			}
			catch (TypeMismatchException again) {
				return null;
			}
		}
	}

}
