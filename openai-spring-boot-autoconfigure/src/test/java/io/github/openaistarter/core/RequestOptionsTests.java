package io.github.openaistarter.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RequestOptions}.
 */
class RequestOptionsTests {

	@Test
	void noneOverridesNothing() {
		assertThat(RequestOptions.NONE.timeout()).isNull();
		assertThat(RequestOptions.NONE.maxRetries()).isNull();
		assertThat(RequestOptions.NONE.headers()).isEmpty();
		assertThat(RequestOptions.builder().build()).isEqualTo(RequestOptions.NONE);
	}

	@Test
	void builderSetsEveryOption() {
		RequestOptions options = RequestOptions.builder()
			.timeout(Duration.ofSeconds(20))
			.maxRetries(0)
			.header("X-Team", "search")
			.header("Idempotency-Key", "abc")
			.build();

		assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(20));
		assertThat(options.maxRetries()).isZero();
		assertThat(options.headers())
			.containsExactlyInAnyOrderEntriesOf(Map.of("X-Team", "search", "Idempotency-Key", "abc"));
	}

	@Test
	void headersAreCopiedAndReadOnly() {
		Map<String, String> headers = new LinkedHashMap<>(Map.of("X-A", "1"));
		RequestOptions options = new RequestOptions(null, null, headers);
		headers.put("X-B", "2");
		RequestOptions.Builder builder = RequestOptions.builder().header("X-C", "3");
		RequestOptions built = builder.build();
		builder.header("X-D", "4");

		assertThat(options.headers()).containsOnlyKeys("X-A");
		assertThat(built.headers()).containsOnlyKeys("X-C");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> options.headers().put("X-E", "5"));
	}

	@Test
	void withTakesTheOtherOptionsWhereTheyAreSet() {
		RequestOptions base = RequestOptions.builder()
			.timeout(Duration.ofSeconds(5))
			.maxRetries(3)
			.header("X-A", "base")
			.header("X-B", "base")
			.build();

		RequestOptions combined = base.with(RequestOptions.builder().maxRetries(0).header("X-B", "other").build());

		assertThat(combined.timeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(combined.maxRetries()).isZero();
		assertThat(combined.headers()).containsExactlyInAnyOrderEntriesOf(Map.of("X-A", "base", "X-B", "other"));
		assertThat(base.with(RequestOptions.NONE)).isEqualTo(base);
		assertThat(RequestOptions.NONE.with(base)).isEqualTo(base);
		assertThat(base.with(RequestOptions.builder().timeout(Duration.ofMillis(1)).build()).timeout())
			.isEqualTo(Duration.ofMillis(1));
	}

	@Test
	void invalidOptionsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO).build())
			.withMessage("timeout must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RequestOptions.builder().timeout(Duration.ofMillis(-1)).build())
			.withMessage("timeout must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().maxRetries(-1).build())
			.withMessage("maxRetries must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header(" ", "x"))
			.withMessage("header name must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.builder().header("X-A", null))
			.withMessage("header value must not be null");
	}

}
