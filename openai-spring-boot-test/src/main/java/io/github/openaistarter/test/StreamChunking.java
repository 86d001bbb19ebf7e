package io.github.openaistarter.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a streamed answer is cut: its text into pieces of a number of words (each with the
 * spaces before it, like tokens) or of characters, JSON answers and tool-call arguments
 * into pieces of characters (5 and 7 when cutting by words), and the pause between two
 * chunks.
 *
 * @param size the words or characters per piece, at least 1
 * @param byCharacters whether the size counts characters rather than words
 * @param delay the pause between two chunks, zero for none
 */
record StreamChunking(int size, boolean byCharacters, Duration delay) {

	static final StreamChunking DEFAULT = new StreamChunking(1, false, Duration.ZERO);

	private static final int ARGUMENT_CHARACTERS = 7;

	private static final int JSON_CHARACTERS = 5;

	private static final Pattern WORD = Pattern.compile("\\s*\\S+");

	StreamChunking {
		if (size < 1) {
			throw new IllegalArgumentException("The chunk size must be at least 1, was " + size);
		}
		if (delay.isNegative()) {
			throw new IllegalArgumentException("The chunk delay must not be negative, was " + delay);
		}
	}

	StreamChunking withWords(int words) {
		return new StreamChunking(words, false, this.delay);
	}

	StreamChunking withCharacters(int characters) {
		return new StreamChunking(characters, true, this.delay);
	}

	StreamChunking withDelay(Duration delay) {
		return new StreamChunking(this.size, this.byCharacters, delay);
	}

	/**
	 * Cuts a text; the pieces join to the text.
	 * @param text the text
	 * @return the pieces, none for an empty text
	 */
	List<String> split(String text) {
		return this.byCharacters ? byCharacters(text, this.size) : byWords(text, this.size);
	}

	/**
	 * Cuts a JSON answer: in pieces of 5 characters when cutting by words (JSON has no
	 * words worth the name), else of the set number of characters; the pieces join to the
	 * text.
	 * @param json the JSON text
	 * @return the pieces, none for an empty text
	 */
	List<String> splitJson(String json) {
		return byCharacters(json, this.byCharacters ? this.size : JSON_CHARACTERS);
	}

	/**
	 * Cuts tool-call arguments; the pieces join to the arguments.
	 * @param arguments the arguments
	 * @return the pieces, none for empty arguments
	 */
	List<String> splitArguments(String arguments) {
		return byCharacters(arguments, this.byCharacters ? this.size : ARGUMENT_CHARACTERS);
	}

	private static List<String> byWords(String text, int words) {
		List<String> pieces = new ArrayList<>();
		Matcher matcher = WORD.matcher(text);
		int start = 0;
		int count = 0;
		while (matcher.find()) {
			if (++count == words) {
				pieces.add(text.substring(start, matcher.end()));
				start = matcher.end();
				count = 0;
			}
		}
		if (start < text.length()) {
			String rest = text.substring(start);
			if (count == 0 && !pieces.isEmpty()) {
				pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + rest);
			}
			else {
				pieces.add(rest);
			}
		}
		return pieces;
	}

	private static List<String> byCharacters(String text, int characters) {
		List<String> pieces = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = start;
			for (int i = 0; i < characters && end < text.length(); i++) {
				end += Character.charCount(text.codePointAt(end));
			}
			pieces.add(text.substring(start, end));
			start = end;
		}
		return pieces;
	}

}
