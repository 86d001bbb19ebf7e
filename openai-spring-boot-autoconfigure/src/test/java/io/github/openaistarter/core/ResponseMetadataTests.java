package io.github.openaistarter.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ResponseMetadata}.
 */
class ResponseMetadataTests {

	@Test
	void ofReadsRequestIdProcessingTimeAndRateLimit() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-request-id", "req_abc");
		headers.add("openai-processing-ms", "1234");
		headers.add("x-ratelimit-remaining-requests", "99");
		ResponseMetadata metadata = ResponseMetadata.of(HttpStatus.OK, headers);
		assertThat(metadata.status()).isEqualTo(HttpStatus.OK);
		assertThat(metadata.requestId()).isEqualTo("req_abc");
		assertThat(metadata.processingTime()).isEqualTo(Duration.ofMillis(1234));
		assertThat(metadata.rateLimit()).isEqualTo(new RateLimit(null, 99L, null, null, null, null));
	}

	@Test
	void ofReadsFractionalProcessingTime() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("openai-processing-ms", "12.5");
		assertThat(ResponseMetadata.of(HttpStatus.OK, headers).processingTime())
			.isEqualTo(Duration.ofNanos(12_500_000));
	}

	@Test
	void ofLeavesMissingOrUnreadableValuesNull() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("openai-processing-ms", "fast");
		ResponseMetadata metadata = ResponseMetadata.of(HttpStatus.OK, headers);
		assertThat(metadata.requestId()).isNull();
		assertThat(metadata.processingTime()).isNull();
		assertThat(metadata.rateLimit()).isEqualTo(RateLimit.NONE);
	}

	@Test
	void headersAreReadOnly() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-request-id", "req_abc");
		ResponseMetadata metadata = ResponseMetadata.of(HttpStatus.OK, headers);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> metadata.headers().add("x-other", "1"));
	}

}
