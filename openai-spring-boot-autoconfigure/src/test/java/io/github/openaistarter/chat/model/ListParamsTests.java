package io.github.openaistarter.chat.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ListChatCompletionsParams} and {@link ListMessagesParams}.
 */
class ListParamsTests {

	@Test
	void completionsParamsBuilderSetsEveryField() {
		ListChatCompletionsParams params = ListChatCompletionsParams.builder()
			.after("chatcmpl-1")
			.limit(50)
			.order(SortOrder.DESC)
			.model("gpt-4.1")
			.metadata("customer", "acme")
			.metadata(Map.of("region", "eu"))
			.build();
		assertThat(params).isEqualTo(new ListChatCompletionsParams("chatcmpl-1", 50, SortOrder.DESC, "gpt-4.1",
				Map.of("customer", "acme", "region", "eu")));
		assertThat(params.metadata()).containsExactly(Map.entry("customer", "acme"), Map.entry("region", "eu"));
	}

	@Test
	void completionsParamsNoneHasNothingSet() {
		assertThat(ListChatCompletionsParams.NONE)
			.isEqualTo(new ListChatCompletionsParams(null, null, null, null, Map.of()));
		assertThat(ListChatCompletionsParams.builder().build()).isEqualTo(ListChatCompletionsParams.NONE);
	}

	@Test
	void completionsParamsLimitBelowOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ListChatCompletionsParams.builder().limit(0).build())
			.withMessage("limit must be at least 1, was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ListChatCompletionsParams(null, -5, null, null, Map.of()))
			.withMessage("limit must be at least 1, was -5");
		assertThat(ListChatCompletionsParams.builder().limit(1).build().limit()).isEqualTo(1);
	}

	@Test
	void completionsParamsMetadataLimitsApply() {
		ListChatCompletionsParams.Builder builder = ListChatCompletionsParams.builder();
		for (int i = 0; i < 17; i++) {
			builder.metadata("key" + i, "value");
		}
		assertThatIllegalArgumentException().isThrownBy(builder::build)
			.withMessage("metadata has 17 pairs; OpenAI accepts at most 16");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ListChatCompletionsParams.builder().metadata("k", "v".repeat(513)).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ListChatCompletionsParams(null, null, null, null, null));
	}

	@Test
	void completionsParamsMetadataIsAnUnmodifiableCopy() {
		Map<String, String> metadata = new LinkedHashMap<>(Map.of("a", "1"));
		ListChatCompletionsParams params = new ListChatCompletionsParams(null, null, null, null, metadata);
		metadata.put("b", "2");
		assertThat(params.metadata()).isEqualTo(Map.of("a", "1"));
		assertThat(params.metadata()).isUnmodifiable();
	}

	@Test
	void completionsParamsWithAfterKeepsTheOtherFields() {
		ListChatCompletionsParams params = ListChatCompletionsParams.builder()
			.limit(10)
			.order(SortOrder.ASC)
			.model("m")
			.metadata("k", "v")
			.build();
		assertThat(params.withAfter("chatcmpl-9"))
			.isEqualTo(new ListChatCompletionsParams("chatcmpl-9", 10, SortOrder.ASC, "m", Map.of("k", "v")));
		assertThat(params.after()).isNull();
	}

	@Test
	void messagesParamsBuilderSetsEveryField() {
		ListMessagesParams params = ListMessagesParams.builder().after("msg-1").limit(5).order(SortOrder.DESC).build();
		assertThat(params).isEqualTo(new ListMessagesParams("msg-1", 5, SortOrder.DESC));
		assertThat(params.withAfter("msg-2")).isEqualTo(new ListMessagesParams("msg-2", 5, SortOrder.DESC));
		assertThat(ListMessagesParams.builder().build()).isEqualTo(ListMessagesParams.NONE);
		assertThat(ListMessagesParams.NONE).isEqualTo(new ListMessagesParams(null, null, null));
	}

	@Test
	void messagesParamsLimitBelowOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ListMessagesParams.builder().limit(0).build())
			.withMessage("limit must be at least 1, was 0");
		assertThat(ListMessagesParams.builder().limit(1).build().limit()).isEqualTo(1);
	}

	@Test
	void sortOrderValueIsLowerCase() {
		assertThat(SortOrder.ASC.value()).isEqualTo("asc");
		assertThat(SortOrder.DESC.value()).isEqualTo("desc");
	}

}
