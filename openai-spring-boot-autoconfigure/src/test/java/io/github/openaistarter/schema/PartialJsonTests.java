package io.github.openaistarter.schema;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The partial text closed into valid JSON at every cut of a fixture with the hard cases:
 * escaped quotes, unicode escapes, surrogate pairs, nested arrays and objects, numbers
 * cut mid-digit, literals, whitespace.
 */
class PartialJsonTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String FIXTURE = """
			{ "title": "Trip \\"A\\" \\u00e9 \uD83D\uDE00 [x]", "steps": [ {"name":"a\\\\b", "minutes": -12.5e1,
			 "tags": [["x", "y"], []], "done": true, "note": null}, {"name": "{", "minutes": 0, "tags": [],
			 "done": false, "note": "n"} ], "total": 3 }""";

	@Test
	void everyCutClosesIntoValidJsonThatOnlyGrows() {
		String previous = null;
		for (int cut = 0; cut <= FIXTURE.length(); cut++) {
			PartialJson json = new PartialJson();
			json.add(FIXTURE.substring(0, cut));
			String snapshot = json.snapshot();
			String completed = json.completedSnapshot();
			if (cut == 0) {
				assertThat(snapshot).isNull();
				continue;
			}
			assertThat(JSON.readTree(snapshot).isObject()).as("snapshot at %d: %s", cut, snapshot).isTrue();
			assertThat(JSON.readTree(completed).isObject()).as("completed at %d: %s", cut, completed).isTrue();
			assertThat(completed.length()).as("completed values never shrink")
				.isGreaterThanOrEqualTo((previous != null) ? previous.length() - closers(previous) : 0);
			previous = completed;
		}
	}

	@Test
	void theWholeTextClosesIntoItself() {
		PartialJson json = new PartialJson();
		json.add(FIXTURE);
		assertThat(json.isComplete()).isTrue();
		assertThat(json.text()).isEqualTo(FIXTURE);
		assertThat(JSON.readTree(json.snapshot())).isEqualTo(JSON.readTree(FIXTURE));
	}

	@Test
	void aStringInProgressIsKeptAndCutBeforeAnUnfinishedEscape() {
		assertThat(snapshots("{\"title\":\"Tr")).containsExactly("{\"title\":\"Tr\"}", "{}");
		assertThat(snapshots("{\"title\":\"a\\")).containsExactly("{\"title\":\"a\"}", "{}");
		assertThat(snapshots("{\"title\":\"a\\u00")).containsExactly("{\"title\":\"a\"}", "{}");
		assertThat(snapshots("{\"title\":\"a\\u00e9")).containsExactly("{\"title\":\"a\\u00e9\"}", "{}");
		assertThat(snapshots("{\"tags\":[\"x\",\"y")).containsExactly("{\"tags\":[\"x\",\"y\"]}", "{\"tags\":[\"x\"]}");
	}

	@Test
	void keysNumbersAndLiteralsInProgressAreLeftOut() {
		assertThat(snapshots("{\"a\":1,\"ti")).containsExactly("{\"a\":1}", "{\"a\":1}");
		assertThat(snapshots("{\"a\":1,\"title\":")).containsExactly("{\"a\":1}", "{\"a\":1}");
		assertThat(snapshots("{\"a\":12")).containsExactly("{}", "{}");
		assertThat(snapshots("{\"a\":12,")).containsExactly("{\"a\":12}", "{\"a\":12}");
		assertThat(snapshots("{\"a\":[1,2")).containsExactly("{\"a\":[1]}", "{\"a\":[1]}");
		assertThat(snapshots("{\"a\":tru")).containsExactly("{}", "{}");
		assertThat(snapshots("{\"a\":{\"b\":[{")).containsExactly("{\"a\":{\"b\":[{}]}}", "{\"a\":{\"b\":[{}]}}");
	}

	@Test
	void piecesCanBeAnySize() {
		PartialJson json = new PartialJson();
		for (int i = 0; i < FIXTURE.length(); i++) {
			json.add(FIXTURE.substring(i, i + 1));
		}
		assertThat(json.isComplete()).isTrue();
		assertThat(JSON.readTree(json.snapshot())).isEqualTo(JSON.readTree(FIXTURE));
	}

	@Test
	void textThatCannotStartAnObjectIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PartialJson().add("[1]"))
			.withMessageContaining("Not the start of a JSON object");
		assertThatIllegalArgumentException().isThrownBy(() -> new PartialJson().add("{\"a\":[}"))
			.withMessageContaining("Unexpected '}'");
		assertThatIllegalArgumentException().isThrownBy(() -> new PartialJson().add("{} {}"))
			.withMessageContaining("Not the start of a JSON object");
	}

	private static List<String> snapshots(String text) {
		PartialJson json = new PartialJson();
		json.add(text);
		JsonNode check = JSON.readTree(json.snapshot());
		assertThat(check.isObject()).isTrue();
		return List.of(json.snapshot(), json.completedSnapshot());
	}

	private static int closers(String snapshot) {
		int count = 0;
		for (int i = snapshot.length() - 1; i >= 0 && (snapshot.charAt(i) == '}' || snapshot.charAt(i) == ']'); i--) {
			count++;
		}
		return count;
	}

}
