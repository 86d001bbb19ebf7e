package io.github.openaistarter.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How {@link StreamChunking} cuts texts: the pieces always join back to the text.
 */
class StreamChunkingTests {

	@Test
	void cutsWordsWithTheSpacesBeforeThem() {
		StreamChunking oneWord = StreamChunking.DEFAULT;
		assertThat(oneWord.split("echo: hi  there ")).containsExactly("echo:", " hi", "  there ");
		assertThat(oneWord.split(" leading")).containsExactly(" leading");
		assertThat(oneWord.split("")).isEmpty();
		assertThat(oneWord.split("   ")).containsExactly("   ");
		assertThat(oneWord.withWords(2).split("a b c d e")).containsExactly("a b", " c d", " e");
		assertThat(oneWord.withWords(2).split("a b c d\n")).containsExactly("a b", " c d\n");
	}

	@Test
	void cutsCharactersWithoutSplittingSurrogatePairs() {
		StreamChunking three = StreamChunking.DEFAULT.withCharacters(3);
		assertThat(three.split("héllo wörld")).containsExactly("hél", "lo ", "wör", "ld");
		assertThat(three.split("a😀bcd")).containsExactly("a😀b", "cd");
	}

	@Test
	void cutsArgumentsByCharacters() {
		assertThat(StreamChunking.DEFAULT.splitArguments("{\"city\":\"Paris\"}")).containsExactly("{\"city\"",
				":\"Paris", "\"}");
		assertThat(StreamChunking.DEFAULT.withCharacters(5).splitArguments("{\"a\":1}")).containsExactly("{\"a\":",
				"1}");
		assertThat(StreamChunking.DEFAULT.splitArguments("")).isEmpty();
	}

	@Test
	void cutsJsonInPiecesOfFiveCharactersUnlessToldOtherwise() {
		assertThat(StreamChunking.DEFAULT.withWords(3).splitJson("{\"a\": \"b c\"}")).containsExactly("{\"a\":",
				" \"b c", "\"}");
		assertThat(StreamChunking.DEFAULT.withCharacters(2).splitJson("{\"a\"}")).containsExactly("{\"", "a\"", "}");
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> StreamChunking.DEFAULT.withWords(0));
		assertThatIllegalArgumentException().isThrownBy(() -> StreamChunking.DEFAULT.withDelay(Duration.ofMillis(-1)));
	}

}
