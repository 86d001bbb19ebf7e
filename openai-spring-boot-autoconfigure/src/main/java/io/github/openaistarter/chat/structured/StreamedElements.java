package io.github.openaistarter.chat.structured;

import java.util.List;

import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.core.OpenAiResponse;
import io.github.openaistarter.schema.StreamedArrayReader;
import io.github.openaistarter.schema.TypeMismatchException;

import org.springframework.util.Assert;

/**
 * Reads the elements of a streamed structured answer's list as the chunks arrive: each
 * element is handed out the moment its JSON is complete, long before the answer ends. The
 * operations' {@code streamList} methods use it; one instance reads one stream (the first
 * choice) and is not thread-safe. <pre>{@code
 * StreamedElements<Step> steps = StreamedElements.of(Step.class);
 * try (Stream<ChatCompletionChunk> chunks = chat.stream(StructuredOutput.listOf(Step.class).applyTo(request))) {
 *     chunks.forEach(chunk -> steps.add(chunk).forEach(this::show));
 * }
 * steps.finish();
 * }</pre> The stream fails as a whole answer would: {@link RefusedAnswerException},
 * {@link IncompleteAnswerException} (the elements completed before the cut were handed
 * out) or {@link MalformedAnswerException}.
 *
 * @param <E> the element type
 */
public final class StreamedElements<E> {

	private final StructuredOutput<?> output;

	private final StreamedArrayReader<E> reader;

	private final StreamedAnswer answer = new StreamedAnswer();

	private StreamedElements(StructuredOutput<?> output, StreamedArrayReader<E> reader) {
		this.output = output;
		this.reader = reader;
	}

	/**
	 * Reads the elements of a {@link StructuredOutput#listOf(Class) list answer}.
	 * @param <E> the element type
	 * @param elementType the element type
	 * @return a reader for one stream
	 */
	public static <E> StreamedElements<E> of(Class<E> elementType) {
		return of(StructuredOutput.listOf(elementType), StructuredOutput.LIST_PROPERTY, elementType);
	}

	/**
	 * Reads the elements of the list held by one property of a structured answer's root,
	 * for example the {@code steps} of
	 * {@code record Plan(String goal, List<Step> steps)}.
	 * @param <E> the element type
	 * @param output the answer's structured output
	 * @param property the root property that holds the list
	 * @param elementType the element type
	 * @return a reader for one stream
	 */
	public static <E> StreamedElements<E> of(StructuredOutput<?> output, String property, Class<E> elementType) {
		Assert.notNull(output, "output must not be null");
		return new StreamedElements<>(output, output.schema().arrayReader(property, elementType));
	}

	/**
	 * A copy of a request that asks for the structured answer these elements belong to.
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
	 * @return the elements this chunk completed, often none
	 * @throws MalformedAnswerException if the JSON so far cannot be the type's
	 */
	public List<E> add(OpenAiResponse<ChatCompletionChunk> chunk) {
		this.answer.requestId(chunk.requestId());
		return add(chunk.body());
	}

	/**
	 * Reads a chunk.
	 * @param chunk the chunk
	 * @return the elements this chunk completed, often none
	 * @throws MalformedAnswerException if the JSON so far cannot be the type's
	 */
	public List<E> add(ChatCompletionChunk chunk) {
		String content = this.answer.add(chunk);
		try {
			return (content != null) ? this.reader.add(content) : List.of();
		}
		catch (TypeMismatchException ex) {
			throw this.answer.malformed(ex);
		}
	}

	/**
	 * Ends the stream: checks that the answer was neither refused nor cut off, and that
	 * its JSON is complete.
	 * @throws StructuredAnswerException if the answer was refused, cut off or malformed
	 */
	public void finish() {
		this.answer.checkComplete();
		try {
			this.reader.finish();
		}
		catch (TypeMismatchException ex) {
			throw this.answer.malformed(ex);
		}
	}

}
