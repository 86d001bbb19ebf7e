package io.github.openaistarter.chat.model;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.core.OpenAiJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the open enums: {@link FinishReason}, {@link ServiceTier},
 * {@link ReasoningEffort} and {@link Verbosity}.
 */
class WireValueTests {

	private final JsonMapper mapper = OpenAiJson.createMapper();

	@Test
	void ofKnownValueEqualsTheConstant() {
		assertThat(FinishReason.of("stop")).isEqualTo(FinishReason.STOP).hasSameHashCodeAs(FinishReason.STOP);
		assertThat(FinishReason.of("length")).isEqualTo(FinishReason.LENGTH);
		assertThat(FinishReason.of("tool_calls")).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(FinishReason.of("content_filter")).isEqualTo(FinishReason.CONTENT_FILTER);
		assertThat(FinishReason.of("function_call")).isEqualTo(FinishReason.FUNCTION_CALL);
		assertThat(ServiceTier.of("flex")).isEqualTo(ServiceTier.FLEX);
		assertThat(ReasoningEffort.of("minimal")).isEqualTo(ReasoningEffort.MINIMAL);
		assertThat(Verbosity.of("high")).isEqualTo(Verbosity.HIGH);
	}

	@Test
	void constantsCarryTheirWireValues() {
		assertThat(ServiceTier.AUTO.value()).isEqualTo("auto");
		assertThat(ServiceTier.DEFAULT.value()).isEqualTo("default");
		assertThat(ServiceTier.SCALE.value()).isEqualTo("scale");
		assertThat(ServiceTier.PRIORITY.value()).isEqualTo("priority");
		assertThat(ReasoningEffort.NONE.value()).isEqualTo("none");
		assertThat(ReasoningEffort.MEDIUM.value()).isEqualTo("medium");
		assertThat(ReasoningEffort.XHIGH.value()).isEqualTo("xhigh");
		assertThat(Verbosity.MEDIUM.value()).isEqualTo("medium");
	}

	@Test
	void unknownValueIsKept() {
		FinishReason reason = FinishReason.of("paused");
		assertThat(reason.value()).isEqualTo("paused");
		assertThat(reason).hasToString("paused");
		assertThat(reason).isEqualTo(FinishReason.of("paused")).isNotEqualTo(FinishReason.STOP);
	}

	@Test
	void valuesOfDifferentKindsAreNotEqual() {
		assertThat(Verbosity.LOW).isNotEqualTo(ReasoningEffort.LOW);
		assertThat(ServiceTier.AUTO).isNotEqualTo("auto");
		assertThat(ServiceTier.AUTO).isNotEqualTo(null);
	}

	@Test
	void emptyValueIsKeptAsSentAndNullIsRefused() {
		assertThat(FinishReason.of("").value()).isEmpty();
		assertThat(this.mapper.readValue("\"\"", FinishReason.class)).isEqualTo(FinishReason.of(""));
		assertThatIllegalArgumentException().isThrownBy(() -> Verbosity.of(null));
	}

	@Test
	void valueIsWrittenAsAString() {
		assertThat(this.mapper.writeValueAsString(ReasoningEffort.HIGH)).isEqualTo("\"high\"");
		assertThat(this.mapper.writeValueAsString(ServiceTier.of("turbo"))).isEqualTo("\"turbo\"");
	}

	@Test
	void valueIsReadFromAString() {
		assertThat(this.mapper.readValue("\"stop\"", FinishReason.class)).isEqualTo(FinishReason.STOP);
		assertThat(this.mapper.readValue("\"brand_new\"", FinishReason.class)).isEqualTo(FinishReason.of("brand_new"));
		assertThat(this.mapper.readValue("\"priority\"", ServiceTier.class)).isEqualTo(ServiceTier.PRIORITY);
		assertThat(this.mapper.readValue("\"max\"", ReasoningEffort.class)).isEqualTo(ReasoningEffort.MAX);
		assertThat(this.mapper.readValue("\"low\"", Verbosity.class)).isEqualTo(Verbosity.LOW);
	}

}
