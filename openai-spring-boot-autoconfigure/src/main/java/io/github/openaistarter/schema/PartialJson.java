package io.github.openaistarter.schema;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The JSON text of an object as it streams in, which can be closed into valid JSON at any
 * point: the members complete so far, the string value in progress (cut before an
 * unfinished escape), and the closing brackets of whatever is still open. A number,
 * {@code true}, {@code false} or {@code null} in progress, or a key without its value
 * yet, is left out until it completes. <pre>
 * PartialJson json = new PartialJson();
 * json.add("&#123;\"name\":\"Mar");
 * json.snapshot();            // &#123;"name":"Mar"}
 * json.add("s\",\"moons\":[&#123;\"n");
 * json.snapshot();            // &#123;"name":"Mars","moons":[&#123;}]}
 * </pre> Each piece is scanned once, so keeping track costs time linear in the text; a
 * snapshot copies the text so far. Not thread-safe.
 */
public final class PartialJson {

	private final StringBuilder text = new StringBuilder();

	/** The closing brackets of the open containers, innermost last. */
	private final StringBuilder open = new StringBuilder();

	/**
	 * For each open container, whether a key is expected next (objects) rather than a
	 * value.
	 */
	private final StringBuilder expectsKey = new StringBuilder();

	private int safeEnd = -1;

	private String safeClosers = "";

	private boolean inString;

	private boolean inKey;

	private boolean escaped;

	private int unicodeDigits;

	private int stringSafeEnd;

	private boolean inLiteral;

	private boolean ended;

	/**
	 * Adds the next piece of the text.
	 * @param piece the piece
	 * @throws IllegalArgumentException if the text so far cannot be the start of a JSON
	 * object
	 */
	public void add(CharSequence piece) {
		Assert.notNull(piece, "piece must not be null");
		for (int i = 0; i < piece.length(); i++) {
			char c = piece.charAt(i);
			this.text.append(c);
			scan(c, this.text.length() - 1);
		}
	}

	/**
	 * The text so far, as received.
	 * @return the text
	 */
	public String text() {
		return this.text.toString();
	}

	/**
	 * Whether the root object has closed.
	 * @return whether the text is a whole JSON object
	 */
	public boolean isComplete() {
		return this.ended;
	}

	/**
	 * The text so far closed into valid JSON, the string value in progress included.
	 * @return the JSON text, or {@code null} before the root object opened
	 */
	public @Nullable String snapshot() {
		if (this.inString && !this.inKey) {
			return this.text.substring(0, this.stringSafeEnd) + '"' + closers();
		}
		return completedSnapshot();
	}

	/**
	 * The text so far closed into valid JSON, without the string value in progress.
	 * @return the JSON text, or {@code null} before the root object opened
	 */
	public @Nullable String completedSnapshot() {
		if (this.safeEnd < 0) {
			return null;
		}
		return this.text.substring(0, this.safeEnd) + this.safeClosers;
	}

	private void scan(char c, int at) {
		if (this.inString) {
			scanString(c, at);
			return;
		}
		if (this.inLiteral) {
			if (!isDelimiter(c)) {
				return;
			}
			this.inLiteral = false;
			markSafe(at);
		}
		switch (c) {
			case '{', '[' -> {
				Assert.isTrue(!this.ended && (!this.open.isEmpty() || c == '{'),
						() -> "Not the start of a JSON object at character " + at);
				this.open.append((c == '{') ? '}' : ']');
				this.expectsKey.append((c == '{') ? 'k' : 'v');
				markSafe(at + 1);
			}
			case '}', ']' -> {
				Assert.isTrue(!this.open.isEmpty() && this.open.charAt(this.open.length() - 1) == c,
						() -> "Unexpected '" + c + "' at character " + at);
				this.open.setLength(this.open.length() - 1);
				this.expectsKey.setLength(this.expectsKey.length() - 1);
				this.ended = this.open.isEmpty();
				markSafe(at + 1);
			}
			case ',' -> {
				if (!this.open.isEmpty() && this.open.charAt(this.open.length() - 1) == '}') {
					this.expectsKey.setCharAt(this.expectsKey.length() - 1, 'k');
				}
			}
			case ':' -> {
				if (!this.expectsKey.isEmpty()) {
					this.expectsKey.setCharAt(this.expectsKey.length() - 1, 'v');
				}
			}
			case '"' -> {
				this.inString = true;
				this.inKey = !this.expectsKey.isEmpty() && this.expectsKey.charAt(this.expectsKey.length() - 1) == 'k';
				this.stringSafeEnd = at + 1;
			}
			default -> {
				if (!Character.isWhitespace(c)) {
					Assert.isTrue(!this.open.isEmpty(), () -> "Not the start of a JSON object at character " + at);
					this.inLiteral = true;
				}
			}
		}
	}

	private void scanString(char c, int at) {
		if (this.unicodeDigits > 0) {
			this.unicodeDigits--;
		}
		else if (this.escaped) {
			this.escaped = false;
			this.unicodeDigits = (c == 'u') ? 4 : 0;
		}
		else if (c == '\\') {
			this.escaped = true;
		}
		else if (c == '"') {
			this.inString = false;
			if (!this.inKey) {
				markSafe(at + 1);
			}
			return;
		}
		if (!this.escaped && this.unicodeDigits == 0) {
			this.stringSafeEnd = at + 1;
		}
	}

	private void markSafe(int end) {
		this.safeEnd = end;
		this.safeClosers = closers();
	}

	private String closers() {
		return new StringBuilder(this.open).reverse().toString();
	}

	private static boolean isDelimiter(char c) {
		return c == ',' || c == '}' || c == ']' || Character.isWhitespace(c);
	}

}
