package io.github.openaistarter.schema;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The incremental reader on a fixture cut at every position, into single characters, and
 * with the hard cases: escaped quotes, unicode escapes, surrogate pairs, nested arrays,
 * numbers cut mid-digit.
 */
class StreamedArrayReaderTests {

	record Step(String name, long minutes, List<List<String>> tags, @Nullable String note) {
	}

	record Plan(String title, List<Step> steps, int total) {
	}

	private static final String FIXTURE = """
			{"title":"Trip \\"A\\" \\u00e9 \uD83D\uDE00 [not, an, array]","steps":[{"name":"a\\"b\\\\","minutes":12345,\
			"tags":[["x","y"],[]],"note":null},{"name":"\\u2603 \uD83C\uDF0D","minutes":-7,"tags":[],"note":"n"},\
			{"name":"","minutes":0,"tags":[["]"]],"note":"{"}],"total":3}""";

	private static final List<Step> STEPS = List.of(
			new Step("a\"b\\", 12345, List.of(List.of("x", "y"), List.of()), null),
			new Step("\u2603 \uD83C\uDF0D", -7, List.of(), "n"), new Step("", 0, List.of(List.of("]")), "{"));

	@Test
	void theFixtureIsValidForTheWholeType() {
		assertThat(TypeSchema.of(Plan.class).read(FIXTURE).steps()).isEqualTo(STEPS);
	}

	@Test
	void cutInTwoAtEveryPositionGivesEveryElement() {
		for (int cut = 0; cut <= FIXTURE.length(); cut++) {
			StreamedArrayReader<Step> reader = reader();
			List<Step> steps = new ArrayList<>(reader.add(FIXTURE.substring(0, cut)));
			steps.addAll(reader.add(FIXTURE.substring(cut)));
			reader.finish();
			assertThat(steps).as("cut at %d", cut).isEqualTo(STEPS);
		}
	}

	@Test
	void oneCharacterAtATimeHandsOutEachElementWhenItCloses() {
		StreamedArrayReader<Step> reader = reader();
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < FIXTURE.length(); i++) {
			List<Step> completed = reader.add(String.valueOf(FIXTURE.charAt(i)));
			if (!completed.isEmpty()) {
				assertThat(completed).hasSize(1);
				assertThat(FIXTURE.substring(0, i + 1)).as("an element is handed out on its closing brace")
					.endsWith("}");
			}
			steps.addAll(completed);
		}
		reader.finish();
		assertThat(steps).isEqualTo(STEPS);
		assertThat(reader.elementCount()).isEqualTo(3);
	}

	@Test
	void numbersCutMidDigitWaitForTheirEnd() {
		StreamedArrayReader<Step> reader = reader();
		assertThat(reader.add("{\"steps\":[{\"name\":\"n\",\"minutes\":12")).isEmpty();
		assertThat(reader.add("34,\"tags\":[],\"note\":null}")).extracting(Step::minutes).containsExactly(1234L);
		assertThat(reader.add("]}")).isEmpty();
		reader.finish();
	}

	@Test
	void arraysOfScalarsAndOtherPropertiesAreLeftAlone() {
		record Names(List<String> other, List<String> names) {
		}
		StreamedArrayReader<String> reader = TypeSchema.of(Names.class).arrayReader("names", String.class);
		List<String> names = new ArrayList<>(reader.add("{\"other\":[\"x\"],\"names\":[\"a\",\"b"));
		names.addAll(reader.add("\"]}"));
		reader.finish();
		assertThat(names).containsExactly("a", "b");
	}

	@Test
	void anAnswerCutOffFailsAtTheEndAfterTheCompleteElements() {
		StreamedArrayReader<Step> reader = reader();
		assertThat(reader.add(FIXTURE.substring(0, FIXTURE.indexOf("{\"name\":\"\"")))).hasSize(2);
		assertThatExceptionOfType(TypeMismatchException.class).isThrownBy(reader::finish)
			.withMessageContaining("ended before it was complete, after 2 complete element(s) of 'steps'");
	}

	@Test
	void malformedJsonAndElementsThatDoNotFitFailNamingThePath() {
		assertThatExceptionOfType(TypeMismatchException.class).isThrownBy(() -> reader().add("{\"steps\":[}"));
		assertThatExceptionOfType(TypeMismatchException.class)
			.isThrownBy(() -> reader().add("{\"steps\":[{\"name\":\"a\",\"minutes\":1,\"tags\":[],\"note\":null},"
					+ "{\"name\":\"b\",\"minutes\":\"soon\",\"tags\":[],\"note\":null}"))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("steps[1].minutes"));
	}

	private static StreamedArrayReader<Step> reader() {
		return TypeSchema.of(Plan.class).arrayReader("steps", Step.class);
	}

}
