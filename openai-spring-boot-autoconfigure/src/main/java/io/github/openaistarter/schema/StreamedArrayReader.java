package io.github.openaistarter.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.TokenBuffer;

import org.springframework.util.Assert;

/**
 * Reads a JSON object as its text streams in, piece by piece, and hands out each element
 * of the array held by one of its properties as soon as the element's JSON is complete.
 * Built on Jackson's non-blocking parser: each piece is tokenized once, and an element's
 * tokens are buffered only until the element ends, so the work is linear in the length of
 * the answer however finely it is cut. Pieces may split the JSON anywhere: inside a
 * string, an escape, a number or a keyword. One reader reads one answer; it is not
 * thread-safe. <pre>{@code
 * StreamedArrayReader<Step> steps = TypeSchema.of(Plan.class).arrayReader("steps", Step.class);
 * for (String piece : pieces) {
 *     steps.add(piece).forEach(this::show);   // the steps completed by this piece
 * }
 * steps.finish();                              // fails if the JSON was cut off
 * }</pre>
 *
 * @param <E> the element type
 */
public final class StreamedArrayReader<E> {

	private final JsonMapper mapper;

	private final String property;

	private final JavaType elementType;

	private final JsonParser parser;

	private final ByteArrayFeeder feeder;

	private int depth;

	private boolean started;

	private boolean inArray;

	private int elements;

	private @Nullable TokenBuffer element;

	private int elementDepth;

	private @Nullable String heldBack;

	StreamedArrayReader(JsonMapper mapper, String property, JavaType elementType) {
		this.mapper = mapper;
		this.property = property;
		this.elementType = elementType;
		this.parser = mapper.createNonBlockingByteArrayParser();
		this.feeder = (ByteArrayFeeder) this.parser.nonBlockingInputFeeder();
	}

	/**
	 * Reads the next piece of the JSON text.
	 * @param piece the text that follows what was added so far
	 * @return the elements this piece completed, in order; often none
	 * @throws TypeMismatchException if the JSON is malformed or an element does not fit
	 * the element type
	 */
	public List<E> add(String piece) {
		String text = (this.heldBack != null) ? this.heldBack + piece : piece;
		this.heldBack = null;
		if (!text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
			// half of a surrogate pair: wait for the other half rather than feed an
			// unpaired one
			this.heldBack = text.substring(text.length() - 1);
			text = text.substring(0, text.length() - 1);
		}
		if (text.isEmpty()) {
			return List.of();
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		try {
			this.feeder.feedInput(bytes, 0, bytes.length);
			return drain();
		}
		catch (JacksonException ex) {
			throw TypeSchema.mismatch(describe(), "", ex);
		}
	}

	/**
	 * Ends the input.
	 * @throws TypeMismatchException if the JSON ended before it was complete
	 */
	public void finish() {
		JacksonException cutInToken = null;
		try {
			this.feeder.endOfInput();
			drain();
		}
		catch (JacksonException ex) {
			cutInToken = ex;
		}
		if (cutInToken != null || !this.started || this.depth != 0 || this.heldBack != null) {
			throw new TypeMismatchException("",
					"The JSON ended before it was complete, after " + this.elements + " complete element(s) of '"
							+ this.property + "'",
					(cutInToken != null) ? cutInToken : new IllegalStateException("cut off"));
		}
	}

	/**
	 * How many elements were handed out so far.
	 * @return the count
	 */
	public int elementCount() {
		return this.elements;
	}

	private List<E> drain() {
		List<E> completed = new ArrayList<>(1);
		JsonToken token;
		while ((token = this.parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
			this.started = true;
			if (this.element != null) {
				collect(token, completed);
				continue;
			}
			if (this.inArray && this.depth == 2 && token != JsonToken.END_ARRAY) {
				this.element = TokenBuffer.forBuffering(this.parser, this.parser.objectReadContext());
				this.elementDepth = 0;
				collect(token, completed);
				continue;
			}
			if (token == JsonToken.START_ARRAY && this.depth == 1 && this.property.equals(this.parser.currentName())) {
				this.inArray = true;
			}
			else if (token == JsonToken.END_ARRAY && this.depth == 2 && this.inArray) {
				this.inArray = false;
			}
			track(token);
		}
		return completed;
	}

	private void collect(JsonToken token, List<E> completed) {
		TokenBuffer buffer = this.element;
		Assert.state(buffer != null, "No element in progress");
		buffer.copyCurrentEvent(this.parser);
		if (token.isStructStart()) {
			this.elementDepth++;
		}
		else if (token.isStructEnd()) {
			this.elementDepth--;
		}
		track(token);
		if (this.elementDepth == 0 && token != JsonToken.PROPERTY_NAME) {
			this.element = null;
			try (JsonParser elementParser = buffer.asParser(this.parser.objectReadContext())) {
				completed.add(this.mapper.readValue(elementParser, this.elementType));
			}
			catch (JacksonException ex) {
				throw TypeSchema.mismatch(describe(), this.property + "[" + this.elements + "]", ex);
			}
			this.elements++;
		}
	}

	private void track(JsonToken token) {
		if (token.isStructStart()) {
			this.depth++;
		}
		else if (token.isStructEnd()) {
			this.depth--;
		}
	}

	private String describe() {
		return this.property + " (" + this.elementType.getRawClass().getSimpleName() + ")";
	}

}
