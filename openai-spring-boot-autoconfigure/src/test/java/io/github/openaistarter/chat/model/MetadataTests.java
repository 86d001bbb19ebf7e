package io.github.openaistarter.chat.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Metadata}.
 */
class MetadataTests {

	@Test
	void sixteenPairsAreAccepted() {
		assertThat(Metadata.validate(pairs(16))).hasSize(16);
	}

	@Test
	void seventeenPairsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Metadata.validate(pairs(17)))
			.withMessage("metadata has 17 pairs; OpenAI accepts at most 16");
	}

	@Test
	void keyOf64CharactersIsAccepted() {
		assertThat(Metadata.validate(Map.of("k".repeat(64), "v"))).containsEntry("k".repeat(64), "v");
	}

	@Test
	void keyOf65CharactersIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Metadata.validate(Map.of("k".repeat(65), "v")))
			.withMessage("metadata key '" + "k".repeat(16) + "...' has 65 characters; OpenAI accepts at most 64");
	}

	@Test
	void valueOf512CharactersIsAccepted() {
		assertThat(Metadata.validate(Map.of("k", "v".repeat(512)))).containsEntry("k", "v".repeat(512));
	}

	@Test
	void valueOf513CharactersIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Metadata.validate(Map.of("k", "v".repeat(513))))
			.withMessage("metadata value of 'k' has 513 characters; OpenAI accepts at most 512");
	}

	@Test
	void emptyKeyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Metadata.validate(Map.of("", "v")))
			.withMessage("metadata keys must not be empty");
	}

	@Test
	void nullValueIsRefused() {
		Map<String, String> metadata = new HashMap<>();
		metadata.put("k", null);
		assertThatIllegalArgumentException().isThrownBy(() -> Metadata.validate(metadata))
			.withMessage("metadata value of 'k' must not be null");
	}

	@Test
	void nullMetadataIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Metadata.validate(null))
			.withMessage("metadata must not be null");
	}

	@Test
	void emptyMetadataIsAccepted() {
		assertThat(Metadata.validate(Map.of())).isEmpty();
	}

	@Test
	void validateReturnsAnUnmodifiableCopyInOrder() {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("b", "2");
		metadata.put("a", "1");
		Map<String, String> validated = Metadata.validate(metadata);
		metadata.put("c", "3");
		assertThat(validated).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"));
		assertThat(validated).isUnmodifiable();
	}

	private static Map<String, String> pairs(int count) {
		Map<String, String> metadata = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			metadata.put("key" + i, "value" + i);
		}
		return metadata;
	}

}
