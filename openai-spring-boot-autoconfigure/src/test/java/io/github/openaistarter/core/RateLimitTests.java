package io.github.openaistarter.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RateLimit}.
 */
class RateLimitTests {

	@Test
	void parseDurationReadsMilliseconds() {
		assertThat(RateLimit.parseDuration("6ms")).isEqualTo(Duration.ofMillis(6));
	}

	@Test
	void parseDurationReadsSeconds() {
		assertThat(RateLimit.parseDuration("20s")).isEqualTo(Duration.ofSeconds(20));
	}

	@Test
	void parseDurationReadsMinutesAndSeconds() {
		assertThat(RateLimit.parseDuration("1m30s")).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void parseDurationReadsHoursMinutesAndFractionalSeconds() {
		assertThat(RateLimit.parseDuration("2h0m0.5s")).isEqualTo(Duration.ofHours(2).plusMillis(500));
	}

	@Test
	void parseDurationReadsZero() {
		assertThat(RateLimit.parseDuration("0s")).isEqualTo(Duration.ZERO);
	}

	@Test
	void parseDurationReadsFractionalSeconds() {
		assertThat(RateLimit.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void parseDurationReadsMicrosecondsAndNanoseconds() {
		assertThat(RateLimit.parseDuration("3us")).isEqualTo(Duration.ofNanos(3_000));
		assertThat(RateLimit.parseDuration("3µs")).isEqualTo(Duration.ofNanos(3_000));
		assertThat(RateLimit.parseDuration("7ns")).isEqualTo(Duration.ofNanos(7));
	}

	@Test
	void parseDurationIgnoresSurroundingWhitespace() {
		assertThat(RateLimit.parseDuration(" 20s ")).isEqualTo(Duration.ofSeconds(20));
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "", "   ", "20", "s", "1m30", "20s later", "x20s", "-5s", "1.s", "20 s" })
	void parseDurationReturnsNullForTextInAnotherForm(String text) {
		assertThat(RateLimit.parseDuration(text)).isNull();
	}

	@Test
	void parseDurationReturnsNullForNull() {
		assertThat(RateLimit.parseDuration(null)).isNull();
	}

	@Test
	void fromReadsAllSixHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-ratelimit-limit-requests", "10000");
		headers.add("x-ratelimit-remaining-requests", "9999");
		headers.add("x-ratelimit-reset-requests", "6ms");
		headers.add("x-ratelimit-limit-tokens", "2000000");
		headers.add("x-ratelimit-remaining-tokens", "1999985");
		headers.add("x-ratelimit-reset-tokens", "1m30s");
		RateLimit rateLimit = RateLimit.from(headers);
		assertThat(rateLimit)
			.isEqualTo(new RateLimit(10000L, 9999L, Duration.ofMillis(6), 2000000L, 1999985L, Duration.ofSeconds(90)));
		assertThat(rateLimit.isKnown()).isTrue();
	}

	@Test
	void fromReadsHeaderNamesCaseInsensitively() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-RateLimit-Remaining-Tokens", "42");
		assertThat(RateLimit.from(headers).remainingTokens()).isEqualTo(42L);
	}

	@Test
	void fromReturnsNullForEachMissingHeader() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-ratelimit-remaining-tokens", "150");
		RateLimit rateLimit = RateLimit.from(headers);
		assertThat(rateLimit).isEqualTo(new RateLimit(null, null, null, null, 150L, null));
		assertThat(rateLimit.isKnown()).isTrue();
	}

	@Test
	void fromWithoutHeadersIsNone() {
		RateLimit rateLimit = RateLimit.from(new HttpHeaders());
		assertThat(rateLimit).isEqualTo(RateLimit.NONE);
		assertThat(rateLimit.isKnown()).isFalse();
	}

	@Test
	void fromReturnsNullForUnreadableValues() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-ratelimit-limit-requests", "many");
		headers.add("x-ratelimit-remaining-requests", " 7 ");
		headers.add("x-ratelimit-reset-requests", "soon");
		RateLimit rateLimit = RateLimit.from(headers);
		assertThat(rateLimit.limitRequests()).isNull();
		assertThat(rateLimit.remainingRequests()).isEqualTo(7L);
		assertThat(rateLimit.resetRequests()).isNull();
	}

}
